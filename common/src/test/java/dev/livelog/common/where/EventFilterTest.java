package dev.livelog.common.where;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static boolean test(Object spec, Object value) {
    Filter filter = ConditionParser.parse(Map.of("status", spec), "all");
    return EventFilter.predicate(filter.conditions().get(0).condition()).test(value);
  }

  @Test
  void strictAndInclusiveBoundsCompareNumbers() {
    assertThat(List.of(499, 500, 501).stream().map(v -> test(Map.of("lt", 500), v))).containsExactly(true, false, false);
    assertThat(List.of(499, 500, 501).stream().map(v -> test(Map.of("le", 500), v))).containsExactly(true, true, false);
    assertThat(List.of(499, 500, 501).stream().map(v -> test(Map.of("gt", 500), v))).containsExactly(false, false, true);
    assertThat(List.of(499, 500, 501).stream().map(v -> test(Map.of("ge", 500), v))).containsExactly(false, true, true);
    assertThat(test(Map.of("le", 0.3), 0.3)).isTrue();
    assertThat(test(Map.of("lt", 0.3), "0.3")).as("a number written as text").isFalse();
    assertThat(test(Map.of("lt", 500), null)).as("absent").isFalse();
    assertThat(test(Map.of("lt", 500), "-")).as("not a number").isFalse();
    assertThat(test(Map.of("not", Map.of("lt", 500)), "-")).isTrue();
  }

  /** Per-try values (nginx's $upstream_addr, $upstream_status): a list equals what one of its tries does. */
  @Test
  void aListEqualsAValueOneOfItsEntriesEquals() {
    List<String> addresses = List.of("10.0.0.1:80", "10.0.0.2:80");
    assertThat(test("10.0.0.2:80", addresses)).isTrue();
    assertThat(test("10.0.0.3:80", addresses)).isFalse();
    assertThat(test(502, List.of(502L, 200L))).isTrue();
    assertThat(test(702, List.of(502L, 200L))).as("not the tries' total").isFalse();
    assertThat(test(Map.of("in", List.of(503, 504)), List.of(502L, 504L))).isTrue();
    assertThat(test(Map.of("not", 502), List.of(502L, 200L))).isFalse();
    assertThat(test(Map.of("not", 503), List.of(502L, 200L))).isTrue();
  }

  @Test
  void anUnknownOperatorListsTheKnownOnes() {
    assertThatThrownBy(() -> ConditionParser.parse(Map.of("status", Map.of("below", 500)), "all"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("where.status.below: unknown condition 'below'; use regex, in, not, min (ge),"
            + " max (le), lt, gt, present or equals");
  }
  @Test
  void aConditionOnTriesHoldsForOneEntryOfAListAndCountsTheEntries() {
    java.util.function.Predicate<Object> fourXx = EventFilter.predicate(new Condition.AnyTry(
        ConditionParser.parse(Map.of("status", Map.of("ge", 400, "lt", 500)), "all").conditions().get(0).condition()));
    assertThat(fourXx.test(java.util.Arrays.asList(502L, 404L))).isTrue();
    assertThat(fourXx.test(java.util.Arrays.asList(302L, 502L))).as("both bounds on one try").isFalse();
    assertThat(fourXx.test(java.util.Arrays.asList(null, 200L))).as("'-' entries are no try's value").isFalse();
    assertThat(fourXx.test(404L)).as("a single value").isTrue();
    assertThat(fourXx.test(null)).isFalse();

    java.util.function.Predicate<Object> retried = EventFilter.predicate(new Condition.AtLeastTries(2));
    assertThat(retried.test(java.util.Arrays.asList("10.0.0.1:80", null))).isTrue();
    assertThat(retried.test(List.of("10.0.0.1:80"))).isFalse();
    assertThat(retried.test("10.0.0.1:80")).isFalse();
    assertThat(retried.test(null)).isFalse();
    assertThat(EventFilter.predicate(new Condition.AtLeastTries(1)).test("10.0.0.1:80")).isTrue();
  }
}
