package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Session cookies: signed, bound to their user and credentials, expiring, revocable. */
class SessionsTest {
  private static final byte[] SECRET = "a server secret of thirty-two chars!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CREDENTIALS = "token\nops\npassword".getBytes(StandardCharsets.UTF_8);
  private static final long NOW = 1_700_000_000_000L;
  private final Sessions sessions = new Sessions(SECRET, CREDENTIALS, Duration.ofHours(12));

  @Test
  void aSessionNamesItsUserUntilItExpires() {
    String cookie = sessions.issue("ops", NOW);
    Sessions.Session session = sessions.verify(cookie, NOW + 1_000);
    assertThat(session.user()).isEqualTo("ops");
    assertThat(session.expiresAt()).isEqualTo(NOW + Duration.ofHours(12).toMillis());
    assertThat(sessions.verify(cookie, NOW + Duration.ofHours(12).toMillis() - 1_000)).isNotNull();
    assertThat(sessions.verify(cookie, NOW + Duration.ofHours(12).toMillis())).as("expired").isNull();
  }

  @Test
  void aForgedOrAlteredCookieIsRefused() {
    String cookie = sessions.issue("ops", NOW);
    String[] parts = cookie.split("\\.");
    String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString("root".getBytes(StandardCharsets.UTF_8));
    assertThat(sessions.verify(String.join(".", parts[0], otherUser, parts[2], parts[3], parts[4]), NOW)).isNull();
    long later = Long.parseLong(parts[2]) + 86_400 * 365;
    assertThat(sessions.verify(String.join(".", parts[0], parts[1], "" + later, parts[3], parts[4]), NOW)).isNull();
    assertThat(sessions.verify(cookie.substring(0, cookie.length() - 2) + "AA", NOW)).isNull();
    for (String junk : new String[] {"", "v1", "v1....", "x.y.z.w.v", "v1.%%%.1.2.3", "v1.b3Bz.NaN.AA.AA"}) {
      assertThat(sessions.verify(junk, NOW)).as(junk).isNull();
    }
    assertThat(sessions.verify(null, NOW)).isNull();
  }

  @Test
  void anotherSecretOrOtherCredentialsMakeEverySessionInvalid() {
    String cookie = sessions.issue("ops", NOW);
    byte[] otherSecret = "another server secret, also 32 chars".getBytes(StandardCharsets.UTF_8);
    assertThat(new Sessions(otherSecret, CREDENTIALS, Duration.ofHours(12)).verify(cookie, NOW)).isNull();
    byte[] newPassword = "token\nops\nnew password".getBytes(StandardCharsets.UTF_8);
    assertThat(new Sessions(SECRET, newPassword, Duration.ofHours(12)).verify(cookie, NOW)).isNull();
    assertThat(new Sessions(SECRET, CREDENTIALS, Duration.ofHours(12)).verify(cookie, NOW))
        .as("the same secret and credentials, after a restart").isNotNull();
  }

  @Test
  void aCookieSaysNothingAboutTheSecrets() {
    String cookie = sessions.issue("ops", NOW);
    assertThat(cookie).doesNotContain("password").doesNotContain("token");
    assertThat(sessions.issue("ops", NOW)).as("every session is its own").isNotEqualTo(cookie);
  }

  @Test
  void signingOutRevokesThatSessionOnly() {
    String first = sessions.issue("ops", NOW);
    String second = sessions.issue("ops", NOW);
    sessions.revoke(sessions.verify(first, NOW), NOW);
    assertThat(sessions.verify(first, NOW + 1)).isNull();
    assertThat(sessions.verify(second, NOW + 1)).isNotNull();
  }

  @Test
  void revocationsAreBounded() {
    String kept = sessions.issue("ops", NOW);
    for (int i = 0; i <= Sessions.MAX_REVOKED + 10; i++) {
      sessions.revoke(sessions.verify(sessions.issue("ops", NOW), NOW), NOW);
    }
    assertThat(sessions.revokedCount()).isLessThanOrEqualTo(Sessions.MAX_REVOKED);
    assertThat(sessions.verify(kept, NOW)).isNotNull();
  }
}
