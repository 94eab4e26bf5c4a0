package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.where.Condition;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A series key's condition holds for exactly the values that give the key. */
class ByValueTest {
  private static final List<Object> VALUES = List.of("/", "/a", "/a/", "/a/b", "/a/b/c", "/a?x=/y",
      "/a/b?q", "//x", "", "?q", "/a.b/(c)", "/a.b", "/ab", "a/b", 503L, 599.5, 600L, 42L, -12L, "5xx");

  private static boolean holds(Condition c, Object value) {
    LogEvent e = new LogEvent("s", 0, 0, FieldSchema.of("v"), new Object[] {value});
    return EventFilter.compile(new Filter(List.of(new FieldCondition("v", c)), false)).test(e);
  }

  private static void assertExact(ByValue by) {
    for (Object value : VALUES) {
      String key = by.key(value);
      if (key == null) {
        continue;
      }
      Condition c = by.valuesOf(key);
      assertThat(c).as("%s of %s", key, value).isNotNull();
      for (Object other : VALUES) {
        assertThat(holds(c, other)).as("%s: key %s, %s has key %s", by, key, other, by.key(other))
            .isEqualTo(key.equals(by.key(other)));
      }
    }
  }

  @Test
  void everyKindMapsItsKeysBackToExactlyTheirValues() {
    assertExact(new ByValue.AsIs());
    assertExact(new ByValue.NumberClass());
    for (int segments = 1; segments <= 3; segments++) {
      assertExact(new ByValue.PathPrefix(segments));
    }
  }

  @Test
  void aKeyNoValueGivesHasNoCondition() {
    assertThat(new ByValue.NumberClass().valuesOf("abc")).isNull();
    assertThat(new ByValue.PathPrefix(1).valuesOf("/a/b")).isNull();
    assertThat(new ByValue.PathPrefix(1).valuesOf("/a?x")).isNull();
  }
}
