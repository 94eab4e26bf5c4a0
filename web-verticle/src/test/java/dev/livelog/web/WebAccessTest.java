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
  void withoutAuthOrWithAuthNoneNothingIsGuarded() {
    assertThat(WebAccess.of(null, Map.of()).guarded()).isFalse();
    assertThat(WebAccess.of(WebAuthConfig.NONE, Map.of()).guarded()).isFalse();
  }

  @Test
  void acceptsTheTokenAndTheUserAndNothingElse() {
    WebAccess access = WebAccess.of(BOTH, ENV);
    assertThat(access.guarded()).isTrue();
    assertThat(access.userOfHeader("Bearer t0ken")).isEqualTo(WebAccess.TOKEN_USER);
    assertThat(access.userOfHeader("bearer t0ken")).isEqualTo(WebAccess.TOKEN_USER);
    assertThat(access.userOfHeader(basic("ops:pa:ss"))).isEqualTo("ops");
    assertThat(access.userOfToken("t0ken")).isEqualTo(WebAccess.TOKEN_USER);
    assertThat(access.userOfPassword("ops", "pa:ss")).isEqualTo("ops");
    assertThat(access.userOfHeader("Bearer t0ke")).isNull();
    assertThat(access.userOfHeader(basic("ops:pa"))).isNull();
    assertThat(access.userOfHeader(basic("root:pa:ss"))).isNull();
    assertThat(access.userOfHeader("Basic not-base64!")).isNull();
    assertThat(access.userOfHeader(null)).isNull();
    assertThat(access.userOfToken(null)).isNull();
    assertThat(access.userOfPassword("ops", null)).isNull();
  }

  @Test
  void passwordsAreAcceptedOnlyWithAUser() {
    WebAccess tokenOnly = WebAccess.of(new WebAuthConfig("TOKEN", null, null), ENV);
    assertThat(tokenOnly.acceptsPassword()).isFalse();
    assertThat(tokenOnly.userOfHeader(basic("ops:pa:ss"))).isNull();
    assertThat(tokenOnly.knows("ops")).isFalse();
    assertThat(tokenOnly.knows(WebAccess.TOKEN_USER)).isTrue();
    assertThat(WebAccess.of(BOTH, ENV).acceptsPassword()).isTrue();
  }

  @Test
  void theCredentialsSessionsAreBoundToChangeWithASecret() {
    byte[] credentials = WebAccess.of(BOTH, ENV).credentials();
    assertThat(WebAccess.of(BOTH, ENV).credentials()).isEqualTo(credentials);
    assertThat(WebAccess.of(BOTH, Map.of("TOKEN", "new", "PASSWORD", "pa:ss")).credentials())
        .isNotEqualTo(credentials);
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
