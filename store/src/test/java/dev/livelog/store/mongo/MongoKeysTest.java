package dev.livelog.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MongoKeysTest {
  @Test
  void plainNamesAreStoredAsTheyAre() {
    assertThat(MongoKeys.escape("request_time")).isEqualTo("request_time");
    assertThat(MongoKeys.escape("a$b")).isEqualTo("a$b");
  }

  @Test
  void dotsLeadingDollarsAndPercentsAreEncodedAndComeBack() {
    for (String name : new String[] {"user.name", "$set", "100%", "%2E", "a\0b", "$x.y%"}) {
      String key = MongoKeys.escape(name);
      assertThat(key).doesNotStartWith("$").doesNotContain(".").doesNotContain("\0");
      assertThat(MongoKeys.unescape(key)).isEqualTo(name);
    }
  }
}
