package dev.livelog.common.config;

import static dev.livelog.common.config.ValidatedYaml.rejects;
import static dev.livelog.common.config.ValidatedYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebAuthConfigTest {

  @Test
  void noAuthByDefault() {
    assertThat(valid("web: {port: 8080}").web().auth()).isNull();
  }

  @Test
  void readsATokenAndAUserWithTheirEnvironmentNames() {
    WebAuthConfig auth = valid("""
        web:
          auth: {token_env: LIVELOG_TOKEN, user: ops, password_env: LIVELOG_PASSWORD}
        """).web().auth();
    assertThat(auth).isEqualTo(new WebAuthConfig("LIVELOG_TOKEN", "ops", "LIVELOG_PASSWORD"));
  }

  @Test
  void errorsNameTheField() {
    rejects("web: {auth: {}}", "web.auth", "token_env");
    rejects("web: {auth: {user: ops}}", "web.auth.password_env", "required with user");
    rejects("web: {auth: {password_env: PW}}", "web.auth.user", "required with password_env");
    rejects("web: {auth: {user: 'a:b', password_env: PW}}", "web.auth.user", "':'");
    rejects("web: {auth: {token_env: 's3cr3t value'}}", "web.auth.token_env", "environment variable");
    rejects("web: {auth: {token: abc}}", "web.auth.token", "unknown key");
  }

  @Test
  void authNoneSaysSoExplicitly() {
    assertThat(valid("web: {host: 0.0.0.0, auth: none}").web().auth()).isEqualTo(WebAuthConfig.NONE);
    rejects("web: {auth: nobody}", "web.auth", "expected 'none' or a mapping");
  }

  @Test
  void sessionsLastTwelveHoursUnlessSaidOtherwise() {
    WebAuthConfig auth = valid("web: {auth: {token_env: T, session_secret_env: S, session_ttl: 30m}}").web().auth();
    assertThat(auth.sessionSecretEnv()).isEqualTo("S");
    assertThat(auth.sessionTtl()).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(valid("web: {auth: {token_env: T}}").web().auth().sessionTtl())
        .isEqualTo(java.time.Duration.ofHours(12));
    rejects("web: {auth: {token_env: T, session_ttl: 10s}}", "web.auth.session_ttl", "between 1m and 30d");
    rejects("web: {auth: {token_env: T, session_secret_env: 'a b'}}", "web.auth.session_secret_env",
        "environment variable");
  }

  @Test
  void aDashboardBeyondLoopbackNeedsAuthOrSaysNone() {
    for (String host : new String[] {"0.0.0.0", "::", "10.0.0.5", "livelog.example.com", "[::]"}) {
      WebConfig web = valid("web: {host: '" + host + "'}").web();
      assertThatThrownBy(web::requireAuthWhenExposed).as(host)
          .isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("web.auth");
            assertThat(e.reason()).contains(host).contains("not loopback").contains("auth: none");
          });
      valid("web: {host: '" + host + "', auth: none}").web().requireAuthWhenExposed();
      valid("web: {host: '" + host + "', auth: {token_env: T}}").web().requireAuthWhenExposed();
    }
    for (String host : new String[] {"127.0.0.1", "127.3.2.1", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
      valid("web: {host: '" + host + "'}").web().requireAuthWhenExposed();
    }
  }

  @Test
  void publicHostsAndAllowedOriginsAreNamesAndOrigins() {
    WebConfig web = valid("""
        web:
          public_hosts: [livelog.example.com, 10.0.0.5]
          allowed_origins: ["https://grafana.example.com", "http://localhost:3000"]
          tls: {cert: /etc/livelog/tls.crt, key: /etc/livelog/tls.key}
        """).web();
    assertThat(web.publicHosts()).containsExactly("livelog.example.com", "10.0.0.5");
    assertThat(web.allowedOrigins()).containsExactly("https://grafana.example.com", "http://localhost:3000");
    assertThat(web.tls()).isEqualTo(new WebConfig.Tls("/etc/livelog/tls.crt", "/etc/livelog/tls.key"));
    rejects("web: {public_hosts: ['https://livelog.example.com']}", "web.public_hosts[0]", "without scheme");
    rejects("web: {allowed_origins: ['https://grafana.example.com/']}", "web.allowed_origins[0]", "no path");
    rejects("web: {tls: {cert: /x.crt}}", "web.tls.key", "required");
    rejects("web: {tls: {cert: /x.crt, key: /x.key, ca: /ca.crt}}", "web.tls.ca", "unknown key");
  }
}
