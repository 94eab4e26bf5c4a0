package dev.livelog.common.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Duration;

/**
 * Who may see the dashboard: a bearer token, a user and password, or both. The file names
 * environment variables only; the secrets themselves never appear in it. A browser that
 * signed in gets a session cookie signed with the session secret ({@code session_secret_env},
 * else a random one kept in the data directory) that lasts {@code session_ttl} (12 h).
 * {@code auth: none} serves the dashboard to anyone on purpose.
 */
@JsonDeserialize(using = WebAuthConfig.Reader.class)
public record WebAuthConfig(String tokenEnv, String user, String passwordEnv,
    String sessionSecretEnv, Duration sessionTtl, boolean none) {

  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(12);
  /** {@code auth: none}: no authentication, said explicitly. */
  public static final WebAuthConfig NONE = new WebAuthConfig(null, null, null, null, null, true);

  public WebAuthConfig {
    sessionTtl = sessionTtl == null ? DEFAULT_SESSION_TTL : sessionTtl;
  }

  public WebAuthConfig(String tokenEnv, String user, String passwordEnv) {
    this(tokenEnv, user, passwordEnv, null, null, false);
  }

  public WebAuthConfig withSessionSecretEnv(String name) {
    return new WebAuthConfig(tokenEnv, user, passwordEnv, name, sessionTtl, none);
  }

  public boolean hasToken() {
    return tokenEnv != null;
  }

  public boolean hasUser() {
    return user != null;
  }

  /** The keys a mapping may have, as written in the file. */
  record Fields(String tokenEnv, String user, String passwordEnv, String sessionSecretEnv,
      Duration sessionTtl) {}

  /** {@code auth: none}, or a mapping of {@link Fields}. */
  static final class Reader extends JsonDeserializer<WebAuthConfig> {
    @Override
    public WebAuthConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().equals("none")) {
        return NONE;
      }
      if (p.currentToken() == JsonToken.START_OBJECT) {
        Fields f = ctxt.readValue(p, Fields.class);
        return new WebAuthConfig(f.tokenEnv(), f.user(), f.passwordEnv(), f.sessionSecretEnv(),
            f.sessionTtl(), false);
      }
      throw JsonMappingException.from(p, "expected 'none' or a mapping such as"
          + " {token_env: LIVELOG_TOKEN} or {user: ops, password_env: LIVELOG_PASSWORD}");
    }
  }
}
