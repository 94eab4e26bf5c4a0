package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Failed sign-ins per address: a burst, then a slow trickle, in bounded memory. */
class LoginThrottleTest {
  private final LoginThrottle throttle = new LoginThrottle(5, 10_000, 100);

  @Test
  void anAddressIsHeldBackAfterItsBurstOfFailures() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.retryAfterSeconds("10.0.0.1", 0)).isZero();
      throttle.failed("10.0.0.1", 0);
    }
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 0)).isEqualTo(10);
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 4_000)).isEqualTo(6);
    assertThat(throttle.retryAfterSeconds("10.0.0.2", 0)).as("another address").isZero();
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 10_000)).as("one more try after 10 s").isZero();
    throttle.failed("10.0.0.1", 10_000);
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 10_000)).isEqualTo(10);
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 60_000)).isZero();
  }

  @Test
  void aRightAnswerForgivesEarlierMistakes() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", 0);
    }
    throttle.succeeded("10.0.0.1");
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", 0);
    }
    assertThat(throttle.retryAfterSeconds("10.0.0.1", 0)).isZero();
  }

  @Test
  void ipv6ClientsCountByTheirSlash64() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("2001:db8:1:2:" + i + "::" + i, 0);
    }
    assertThat(throttle.retryAfterSeconds("2001:db8:1:2:ffff::1", 0)).isPositive();
    assertThat(throttle.retryAfterSeconds("2001:db8:1:3::1", 0)).isZero();
  }

  @Test
  void memoryIsBoundedWhateverTheNumberOfAddresses() {
    for (int i = 0; i < 100_000; i++) {
      throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 0);
    }
    assertThat(throttle.remembered()).isEqualTo(100);
  }
}
