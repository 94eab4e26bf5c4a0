package dev.livelog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.where.Condition;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

  /** For several sets of keys shown: the conditions of the rest hold for exactly the other values' keys. */
  private static void assertNoneOfExact(ByValue by) {
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(VALUES.stream().map(by::key)
        .filter(java.util.Objects::nonNull).toList()));
    List<List<String>> shownSets = new ArrayList<>(List.of(List.of(), keys));
    for (int i = 0; i < keys.size(); i++) {
      shownSets.add(List.of(keys.get(i)));
      shownSets.add(keys.subList(0, i));
      List<String> everyOther = new ArrayList<>();
      for (int j = i % 2; j < keys.size(); j += 2) {
        everyOther.add(keys.get(j));
      }
      shownSets.add(everyOther);
    }
    for (List<String> shown : shownSets) {
      List<Condition> rest = by.noneOf(shown);
      List<Object> values = new ArrayList<>(VALUES);
      values.add(null);
      for (Object value : values) {
        String key = value == null ? null : by.key(value);
        boolean folded = key != null && !shown.contains(key);
        assertThat(rest.stream().anyMatch(c -> holds(c, value)))
            .as("%s: shown %s, %s has key %s", by, shown, value, key).isEqualTo(folded);
      }
    }
  }

  @Test
  void theValuesAnOtherSeriesFoldsAreExactlyThoseOfTheKeysNotShown() {
    assertNoneOfExact(new ByValue.AsIs());
    assertNoneOfExact(new ByValue.NumberClass());
    for (int segments = 1; segments <= 3; segments++) {
      assertNoneOfExact(new ByValue.PathPrefix(segments));
    }
  }

  @Test
  void aKeyNoValueGivesHasNoCondition() {
    assertThat(new ByValue.NumberClass().valuesOf("abc")).isNull();
    assertThat(new ByValue.PathPrefix(1).valuesOf("/a/b")).isNull();
    assertThat(new ByValue.PathPrefix(1).valuesOf("/a?x")).isNull();
  }
}
