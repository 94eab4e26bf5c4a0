package dev.livelog.web;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.WebAuthConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Who may use the dashboard, from {@code web.auth} and the secrets in the environment: a
 * bearer token, a user and password, or both. A browser that proved itself once gets a
 * session cookie whose value is derived from the secrets, so it survives a server restart
 * (the page reconnects on its own) and stops working when a secret changes.
 */
final class WebAccess {
  private static final WebAccess OPEN = new WebAccess(null, null, null);

  private final byte[] token;
  private final String user;
  private final byte[] password;
  private final byte[] session;

  private WebAccess(String token, String user, String password) {
    this.token = bytes(token);
    this.user = user;
    this.password = bytes(password);
    this.session = token == null && user == null ? null
        : bytes(sessionValue(token, user, password));
  }

  /** @throws ConfigException naming the field whose environment variable is unset */
  static WebAccess of(WebAuthConfig auth, Map<String, String> env) {
    if (auth == null) {
      return OPEN;
    }
    String token = auth.hasToken() ? secret(env, "web.auth.token_env", auth.tokenEnv()) : null;
    String password = auth.hasUser() ? secret(env, "web.auth.password_env", auth.passwordEnv()) : null;
    return new WebAccess(token, auth.user(), password);
  }

  boolean guarded() {
    return session != null;
  }

  boolean acceptsBasic() {
    return user != null;
  }

  /** An {@code Authorization} header: {@code Bearer <token>} or {@code Basic <user:password>}. */
  boolean allowsHeader(String authorization) {
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return allowsToken(value);
    }
    return scheme.equalsIgnoreCase("Basic") && allowsBasic(value);
  }

  boolean allowsToken(String candidate) {
    return token != null && candidate != null && MessageDigest.isEqual(token, bytes(candidate));
  }

  boolean allowsSession(String cookie) {
    return session != null && cookie != null && MessageDigest.isEqual(session, bytes(cookie));
  }

  String sessionValue() {
    return new String(session, StandardCharsets.UTF_8);
  }

  private boolean allowsBasic(String encoded) {
    if (user == null) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0
        && MessageDigest.isEqual(bytes(user), bytes(decoded.substring(0, colon)))
        && MessageDigest.isEqual(password, bytes(decoded.substring(colon + 1)));
  }

  private static String secret(Map<String, String> env, String field, String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw new ConfigException(field, "environment variable " + name + " is not set");
    }
    return value;
  }

  private static String sessionValue(String token, String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String material = "livelog-session\n" + token + "\n" + user + "\n" + password;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(sha.digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
