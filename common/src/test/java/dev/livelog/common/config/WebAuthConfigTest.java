package dev.livelog.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebAuthConfigTest {

  private static LivelogConfig valid(String yaml) {
    LivelogConfig config = ConfigLoader.parse(yaml);
    StructureValidator.validate(config);
    return config;
  }

  private static void rejects(String yaml, String field, String reason) {
    assertThatThrownBy(() -> valid(yaml))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).contains(reason);
        });
  }

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
}
