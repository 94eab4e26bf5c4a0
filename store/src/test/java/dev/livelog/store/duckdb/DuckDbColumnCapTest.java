package dev.livelog.store.duckdb;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.where.ConditionParser;
import dev.livelog.common.where.Filter;
import dev.livelog.parser.json.JsonLineParser;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON log without a mapping whose lines each bring keys of their own: 3,000 lines, 6,000
 * distinct keys. The embedded store makes at most {@link EventColumns#MAX_FIELD_COLUMNS} field
 * columns and keeps the other fields in one JSON column: every value reads back with its type,
 * filters, group-bys and sums reach them, and it all survives a restart.
 */
class DuckDbColumnCapTest {
  private static final int LINES = 3_000;
  private static final long T0 = 1_764_064_800_000L;

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private DuckDbEventStore store;

  @AfterEach
  void close() {
    if (store != null) {
      result(store.close());
    }
    result(vertx.close());
  }

  /** Line i: a status, a text key k&lt;i&gt;, a number n&lt;i&gt;, and every tenth line a list and a flag. */
  private static List<LogEvent> events() throws Exception {
    JsonLineParser parser = new JsonLineParser(Map.of(), Map.of(), "time_iso8601");
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      String extra = i % 10 == 0 ? ",\"l" + i + "\":[1,2.5],\"b" + i + "\":true" : "";
      String line = "{\"time_iso8601\":\"" + Instant.ofEpochMilli(T0 + i) + "\",\"status\":"
          + (i % 4 == 0 ? 404 : 200) + ",\"k" + i + "\":\"v" + i + "\",\"n" + i + "\":" + (i % 2 == 0 ? i : i + 0.5)
          + extra + "}";
      events.add(parser.parse(line, "json", i * 100L));
    }
    return events;
  }

  private void append(List<LogEvent> events) {
    for (int from = 0; from < events.size(); from += 500) {
      List<LogEvent> part = events.subList(from, Math.min(events.size(), from + 500));
      result(store.append(List.of(new EventBatch(new SourceOrigin("json", "h", "/json.log", "1-1"),
          part.get(0).offset(), part.get(part.size() - 1).offset() + 1, part.size(), part))));
    }
  }

  @Test
  void keysPastTheColumnCapAreKeptInOneJsonColumnLosingNothing() throws Exception {
    store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
    List<LogEvent> events = events();
    append(events);

    assertSameEvents(result(store.events(T0, T0 + LINES, LINES + 1)), events);
    assertQueriesReachEveryField();

    result(store.close());
    store = null;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DuckDbEventStore.FILE_NAME));
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FILTER (WHERE column_name LIKE 'f.%'),"
            + " count(*) FILTER (WHERE column_name = 'extra') FROM duckdb_columns() WHERE table_name = 'events'")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(EventColumns.MAX_FIELD_COLUMNS);
      assertThat(rows.getInt(2)).isEqualTo(1);
    }

    store = DuckDbEventStore.inDirectory(vertx, dir);
    result(store.open());
    assertSameEvents(result(store.events(T0, T0 + LINES, LINES + 1)), events);
    assertQueriesReachEveryField();
    // Lines with keys never seen before still go in after the restart.
    LogEvent late = new JsonLineParser(Map.of(), Map.of(), "time_iso8601").parse("{\"time_iso8601\":\""
        + Instant.ofEpochMilli(T0 + LINES) + "\",\"brand-new\":\"yes\"}", "json", LINES * 100L);
    append(List.of(late));
    assertThat(result(store.events(T0 + LINES, T0 + LINES + 1, 2)).get(0).value(late.schema().indexOf("brand-new")))
        .isEqualTo("yes");
  }

  private static void assertSameEvents(List<LogEvent> stored, List<LogEvent> written) {
    assertThat(stored).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      LogEvent w = written.get(i);
      LogEvent s = stored.get(i);
      assertThat(s.schema().names()).isEqualTo(w.schema().names());
      for (int f = 0; f < w.schema().size(); f++) {
        assertThat(s.value(f)).as("line %d field %s", i, w.schema().name(f)).isEqualTo(w.value(f));
      }
    }
  }

  private void assertQueriesReachEveryField() {
    // The last line's keys are past the cap: grouped by, measured, filtered on.
    int last = LINES - 1;
    List<BucketStats> byKey = aggregate(AggregateQuery.counting(T0, T0 + LINES, 60_000, List.of())
        .groupedBy("k" + last).measuring("n" + last));
    assertThat(byKey).extracting(BucketStats::key, BucketStats::count)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("", (long) last),
            org.assertj.core.groups.Tuple.tuple("v" + last, 1L));
    BucketStats lastLine = byKey.stream().filter(r -> r.key().equals("v" + last)).findFirst().orElseThrow();
    assertThat(lastLine.sum()).isCloseTo(last + 0.5, within(1e-9));
    assertThat(total(where("{k" + last + ": v" + last + "}"))).isEqualTo(1);
    assertThat(total(where("{n" + (last - 1) + ": {min: " + (last - 1) + "}}"))).isEqualTo(1);
    assertThat(total(where("{b" + (last - 9) + ": {present: true}}"))).isEqualTo(1);
    // A list counts as its total.
    assertThat(aggregate(AggregateQuery.counting(T0, T0 + LINES, 60_000, List.of())
        .measuring("l" + (last - 9))).get(0).sum()).isCloseTo(3.5, within(1e-9));
  }

  private long total(Filter filter) {
    return aggregate(AggregateQuery.counting(T0, T0 + LINES, 60_000, List.of(filter))).stream()
        .mapToLong(BucketStats::count).sum();
  }

  private List<BucketStats> aggregate(AggregateQuery q) {
    return result(store.aggregate(q, Deadline.after(Duration.ofSeconds(30))));
  }

  private static Filter where(String yaml) {
    return ConditionParser.parse(ConfigLoader.parse("groups: {g: {analyzers: [{label: x, metric: count}], where: "
        + yaml + "}}").groups().get("g").where(), "all");
  }
}
