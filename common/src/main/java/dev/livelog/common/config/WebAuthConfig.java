package dev.livelog.common.config;

/**
 * Who may see the dashboard: a bearer token, a user and password (HTTP basic auth), or both.
 * The file names environment variables only; the secrets themselves never appear in it.
 */
public record WebAuthConfig(String tokenEnv, String user, String passwordEnv) {

  public boolean hasToken() {
    return tokenEnv != null;
  }

  public boolean hasUser() {
    return user != null;
  }
}
