package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.WebAuthConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebAccessTest {
  private static final WebAuthConfig BOTH = new WebAuthConfig("TOKEN", "ops", "PASSWORD");
  private static final Map<String, String> ENV = Map.of("TOKEN", "t0ken", "PASSWORD", "pa:ss");

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAuthNothingIsGuarded() {
    assertThat(WebAccess.of(null, Map.of()).guarded()).isFalse();
  }

  @Test
  void acceptsTheTokenAndTheUserAndNothingElse() {
    WebAccess access = WebAccess.of(BOTH, ENV);
    assertThat(access.guarded()).isTrue();
    assertThat(access.allowsHeader("Bearer t0ken")).isTrue();
    assertThat(access.allowsHeader("bearer t0ken")).isTrue();
    assertThat(access.allowsHeader(basic("ops:pa:ss"))).isTrue();
    assertThat(access.allowsToken("t0ken")).isTrue();
    assertThat(access.allowsHeader("Bearer t0ke")).isFalse();
    assertThat(access.allowsHeader(basic("ops:pa"))).isFalse();
    assertThat(access.allowsHeader(basic("root:pa:ss"))).isFalse();
    assertThat(access.allowsHeader("Basic not-base64!")).isFalse();
    assertThat(access.allowsHeader(null)).isFalse();
    assertThat(access.allowsToken(null)).isFalse();
  }

  @Test
  void basicAuthIsOfferedOnlyWithAUser() {
    WebAccess tokenOnly = WebAccess.of(new WebAuthConfig("TOKEN", null, null), ENV);
    assertThat(tokenOnly.acceptsBasic()).isFalse();
    assertThat(tokenOnly.allowsHeader(basic("ops:pa:ss"))).isFalse();
    assertThat(WebAccess.of(BOTH, ENV).acceptsBasic()).isTrue();
  }

  @Test
  void theSessionValueSurvivesARestartAndChangesWithTheSecret() {
    String session = WebAccess.of(BOTH, ENV).sessionValue();
    assertThat(WebAccess.of(BOTH, ENV).allowsSession(session)).isTrue();
    assertThat(session).doesNotContain("t0ken").doesNotContain("pa:ss");
    WebAccess rotated = WebAccess.of(BOTH, Map.of("TOKEN", "new", "PASSWORD", "pa:ss"));
    assertThat(rotated.allowsSession(session)).isFalse();
    assertThat(rotated.allowsSession(null)).isFalse();
  }

  @Test
  void anUnsetSecretNamesItsField() {
    assertThatThrownBy(() -> WebAccess.of(BOTH, Map.of("TOKEN", "t0ken")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("web.auth.password_env");
          assertThat(e.reason()).contains("PASSWORD").contains("not set");
        });
    assertThatThrownBy(() -> WebAccess.of(BOTH, Map.of("TOKEN", "", "PASSWORD", "x")))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.field()).isEqualTo("web.auth.token_env"));
  }
}
