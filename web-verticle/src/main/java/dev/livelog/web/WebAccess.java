package dev.livelog.web;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.WebAuthConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Who may use the dashboard, from {@code web.auth} and the secrets in the environment: a
 * bearer token, a user and password, or both. Each check answers who proved themselves (the
 * user's name, or {@value #TOKEN_USER} for the token), or null; comparisons take the same
 * time whatever the guess.
 */
final class WebAccess {
  /** The name a session opened with the token carries. */
  static final String TOKEN_USER = "token";
  private static final WebAccess OPEN = new WebAccess(null, null, null);

  private final byte[] token;
  private final String user;
  private final byte[] password;

  private WebAccess(String token, String user, String password) {
    this.token = bytes(token);
    this.user = user;
    this.password = bytes(password);
  }

  /** @throws ConfigException naming the field whose environment variable is unset */
  static WebAccess of(WebAuthConfig auth, Map<String, String> env) {
    if (auth == null || auth.none()) {
      return OPEN;
    }
    String token = auth.hasToken() ? secret(env, "web.auth.token_env", auth.tokenEnv()) : null;
    String password = auth.hasUser() ? secret(env, "web.auth.password_env", auth.passwordEnv()) : null;
    return new WebAccess(token, auth.user(), password);
  }

  boolean guarded() {
    return token != null || user != null;
  }

  boolean acceptsToken() {
    return token != null;
  }

  boolean acceptsPassword() {
    return user != null;
  }

  /** An {@code Authorization} header: {@code Bearer <token>} or {@code Basic <user:password>}. */
  String userOfHeader(String authorization) {
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return userOfToken(value);
    }
    return scheme.equalsIgnoreCase("Basic") ? userOfBasic(value) : null;
  }

  String userOfToken(String candidate) {
    return token != null && candidate != null && MessageDigest.isEqual(token, bytes(candidate))
        ? TOKEN_USER : null;
  }

  String userOfPassword(String name, String candidate) {
    if (user == null || name == null || candidate == null) {
      return null;
    }
    boolean nameMatches = MessageDigest.isEqual(bytes(user), bytes(name));
    boolean passwordMatches = MessageDigest.isEqual(password, bytes(candidate));
    return nameMatches && passwordMatches ? user : null;
  }

  /** Whether a session's user is still one this configuration lets in. */
  boolean knows(String sessionUser) {
    return (token != null && TOKEN_USER.equals(sessionUser)) || (user != null && user.equals(sessionUser));
  }

  /** What the users prove they know: sessions are bound to it, so changing a secret ends them. */
  byte[] credentials() {
    String material = (token == null ? "-" : Base64.getEncoder().encodeToString(token)) + "\n"
        + (user == null ? "-" : user) + "\n"
        + (password == null ? "-" : Base64.getEncoder().encodeToString(password));
    return material.getBytes(StandardCharsets.UTF_8);
  }

  private String userOfBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon > 0 ? userOfPassword(decoded.substring(0, colon), decoded.substring(colon + 1)) : null;
  }

  private static String secret(Map<String, String> env, String field, String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw new ConfigException(field, "environment variable " + name + " is not set");
    }
    return value;
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
