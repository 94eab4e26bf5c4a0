package dev.livelog.common.where;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereTextTest {
  private static final FieldSchema SCHEMA = new FieldSchema(List.of("status", "path", "cache", "host", "ua"));

  private static LogEvent event(Object status, String path, String cache, String host, String ua) {
    return new LogEvent("web-1", 0, 0, SCHEMA, new Object[] {status, path, cache, host, ua});
  }

  private static final List<LogEvent> EVENTS = List.of(
      event(200L, "/api/users", "HIT", "a.example", "Mozilla/5.0 (X11; Linux)"),
      event(503L, "/api/orders", "MISS", "b.example", "curl/8.0"),
      event(404L, "/logo.png", "MISS", "a.example", null),
      event(500L, "/", null, "c.example", "Go-http-client"));

  private static List<Integer> matching(String where) {
    EventFilter filter = EventFilter.compile(WhereText.parse(where));
    return java.util.stream.IntStream.range(0, EVENTS.size()).filter(i -> filter.test(EVENTS.get(i)))
        .boxed().toList();
  }

  @Test
  void theIssuesExamplesSelectWhatTheySay() {
    assertThat(matching("status >= 500")).containsExactly(1, 3);
    assertThat(matching("path ~ ^/api")).containsExactly(0, 1);
    assertThat(matching("cache: MISS")).containsExactly(1, 2);
    assertThat(matching("status>=500 and path~^/api")).containsExactly(1);
  }

  @Test
  void everyOperator() {
    assertThat(matching("status = 404")).containsExactly(2);
    assertThat(matching("status != 404")).containsExactly(0, 1, 3);
    assertThat(matching("status < 404")).containsExactly(0);
    assertThat(matching("status <= 404")).containsExactly(0, 2);
    assertThat(matching("status > 500")).containsExactly(1);
    assertThat(matching("path !~ \\.png$")).containsExactly(0, 1, 3);
    assertThat(matching("host in (a.example, 'c.example')")).containsExactly(0, 2, 3);
    assertThat(matching("status in (500,503)")).containsExactly(1, 3);
    assertThat(matching("cache exists")).containsExactly(0, 1, 2);
    assertThat(matching("cache missing")).containsExactly(3);
    assertThat(matching("not cache: MISS")).containsExactly(0, 3);
    assertThat(matching("status = 404 or status = 500")).containsExactly(2, 3);
    assertThat(matching("source = web-1")).containsExactly(0, 1, 2, 3);
    assertThat(matching("  ")).containsExactly(0, 1, 2, 3);
  }

  @Test
  void quotedValuesHoldBlanksAndEscapes() {
    assertThat(matching("ua ~ \"Mozilla/5.0 \\\\(X11\"")).containsExactly(0);
    assertThat(matching("ua = 'curl/8.0'")).containsExactly(1);
    assertThat(WhereText.parse("ua = \"say \\\"hi\\\"\"").conditions().get(0).condition())
        .isEqualTo(new Condition.Equals("say \"hi\""));
  }

  @Test
  void nginxDollarNamesAreFieldNames() {
    assertThat(matching("$host = b.example")).containsExactly(1);
    assertThat(WhereText.fieldName("$host")).isEqualTo("host");
    assertThat(WhereText.fieldName("k8s.pod")).isEqualTo("k8s.pod");
    assertThatThrownBy(() -> WhereText.fieldName("a b")).hasMessageContaining("must be a field name");
  }

  @Test
  void mistakesSayWhereAndWhatWasExpected() {
    assertThatThrownBy(() -> WhereText.parse("status"))
        .hasMessage("expected an operator after 'status': =, :, !=, <, <=, >, >=, ~, !~, in, exists"
            + " or missing (at character 7 of 'status')");
    assertThatThrownBy(() -> WhereText.parse("status >= abc"))
        .hasMessageStartingWith("'>=' compares numbers, got 'abc' (at character 11");
    assertThatThrownBy(() -> WhereText.parse("path ~ ([a-z"))
        .hasMessageStartingWith("invalid regex '([a-z'");
    assertThatThrownBy(() -> WhereText.parse("a = 1 and b = 2 or c = 3"))
        .hasMessageStartingWith("use either 'and' or 'or'");
    assertThatThrownBy(() -> WhereText.parse("a = 1 b = 2"))
        .hasMessageStartingWith("expected 'and' or 'or' between conditions, got 'b'");
    assertThatThrownBy(() -> WhereText.parse("ua = \"open"))
        .hasMessageStartingWith("the quoted value is not closed");
    assertThatThrownBy(() -> WhereText.parse("host in a, b"))
        .hasMessageStartingWith("expected '(' and a list of values after 'in'");
    assertThatThrownBy(() -> WhereText.parse("= 5")).hasMessageStartingWith("expected a field name");
    assertThatThrownBy(() -> WhereText.parse("status =")).hasMessageStartingWith("expected a value after '='");
  }

  /** Java reads NaN and Infinity as numbers; no store compares with them, so they are refused here. */
  @Test
  void aBoundIsAFiniteNumber() {
    for (String where : List.of("status > NaN", "status <= Infinity", "status >= -1e999")) {
      assertThatThrownBy(() -> WhereText.parse(where)).as(where)
          .hasMessageStartingWith("'" + where.split(" ")[1] + "' compares numbers, got '");
    }
    String huge = "1".repeat(400) + ".5";
    assertThat(WhereText.parse("size = " + huge).conditions().get(0).condition())
        .isEqualTo(new Condition.Equals(huge));
  }

  @Test
  void whatComesFromOutsideIsBounded() {
    assertThatThrownBy(() -> WhereText.parse("a = " + "x".repeat(WhereText.MAX_LENGTH)))
        .hasMessageContaining("at most 2000 are read");
    String many = String.join(" and ", java.util.Collections.nCopies(WhereText.MAX_CONDITIONS + 1, "a = 1"));
    assertThatThrownBy(() -> WhereText.parse(many)).hasMessageStartingWith("at most 32 conditions");
    String values = "a in (" + String.join(",", java.util.Collections.nCopies(WhereText.MAX_VALUES + 1, "1")) + ")";
    assertThatThrownBy(() -> WhereText.parse(values)).hasMessageStartingWith("at most 100 values");
  }
}
