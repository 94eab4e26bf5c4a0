package dev.livelog.store;

import static dev.livelog.common.Await.result;
import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.PeriodConfig;
import java.time.Duration;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventCursor;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import dev.livelog.common.where.ConditionParser;
import dev.livelog.common.where.Filter;
import dev.livelog.common.where.WhereText;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link EventStore} must do; run against each implementation. */
@ExtendWith(VertxExtension.class)
public abstract class EventStoreContractTest {
  protected Vertx vertx;
  protected EventStore store;

  /** A new, empty store, not yet opened. */
  protected abstract EventStore newStore(Vertx vertx) throws Exception;

  @BeforeEach
  void openStore(Vertx vertx) throws Exception {
    this.vertx = vertx;
    store = newStore(vertx);
    result(store.open());
  }

  @AfterEach
  void closeStore() {
    result(store.close());
  }

  @Test
  void appendCountsNewEventsAndStoresABatchOnlyOnce() {
    EventBatch batch = batch("nginx", "inode-1", 0, 50, T0);

    assertThat(result(store.append(List.of(batch)))).isEqualTo(50);
    assertThat(result(store.append(List.of(batch)))).isZero();
    assertThat(result(store.countEvents())).isEqualTo(50L);
  }

  @Test
  void appendEachCountsEveryBatchOnItsOwn() {
    EventBatch first = batch("nginx", "inode-1", 0, 10, T0);
    EventBatch second = batch("nginx", "inode-1", 1000, 5, T0);
    EventBatch empty = batch(SampleEvents.origin("nginx", "inode-1"), List.of());
    result(store.append(List.of(first)));

    List<Integer> counts = result(store.appendEach(List.of(first, second, empty, second)));

    assertThat(counts).containsExactly(0, 5, 0, 0);
    assertThat(result(store.countEvents())).isEqualTo(15L);
  }

  @Test
  void batchesOfOneSourceArrivingOutOfOrderAreAllStored() {
    EventBatch early = batch("nginx", "inode-1", 0, 10, T0);
    EventBatch middle = batch("nginx", "inode-1", 1000, 10, T0);
    EventBatch late = batch("nginx", "inode-1", 2000, 10, T0);

    assertThat(result(store.append(List.of(late)))).isEqualTo(10);
    assertThat(result(store.append(List.of(early)))).isEqualTo(10);
    assertThat(result(store.append(List.of(middle)))).isEqualTo(10);
    assertThat(result(store.countEvents())).isEqualTo(30L);
  }

  @Test
  void sameOffsetsInARotatedFileOrAnotherSourceAreOtherEvents() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));

    assertThat(result(store.append(List.of(batch("nginx", "inode-2", 0, 10, T0)))))
        .isEqualTo(10);
    assertThat(result(store.append(List.of(batch("api", "inode-1", 0, 10, T0)))))
        .isEqualTo(10);
    assertThat(result(store.countEvents())).isEqualTo(30L);
  }

  @Test
  void eventsComeBackWithTypedFieldsInTimeOrderWithinTheRange() {
    EventBatch batch = batch("nginx", "inode-1", 0, 20, T0);
    List<LogEvent> shuffled = new ArrayList<>(batch.events());
    Collections.reverse(shuffled);
    result(store.append(List.of(SampleEvents.batch(batch.origin(), shuffled))));

    List<LogEvent> found = result(store.events(T0 + 5_000, T0 + 15_000, 100));

    List<LogEvent> expected = batch.events().subList(5, 15);
    assertThat(found).extracting(LogEvent::time)
        .containsExactlyElementsOf(expected.stream().map(LogEvent::time).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertSameEvent(found.get(i), expected.get(i));
    }
    assertThat(found).extracting(LogEvent::schema).allMatch(s -> s == found.get(0).schema());
  }

  @Test
  void eventsStopAtTheLimit() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 20, T0))));

    assertThat(result(store.events(T0, T0 + 100_000, 3))).extracting(LogEvent::offset)
        .containsExactly(0L, 100L, 200L);
  }

  @Test
  void anEventWithoutTimeIsStoredAtTheTimeItWasStored() {
    LogEvent timeless = new LogEvent("cmd", 0, LogEvent.NO_TIME,
        FieldSchema.of("message"), new Object[] {"started"});
    long before = System.currentTimeMillis();
    result(store.append(List.of(batch(SampleEvents.origin("cmd", ""), List.of(timeless)))));

    List<LogEvent> found = result(store.events(before, System.currentTimeMillis() + 1, 10));

    assertThat(found).singleElement().satisfies(e -> assertThat(e.get("message"))
        .isEqualTo("started"));
  }

  @Test
  void expireDeletesOnlyEventsBeforeTheCutoff() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 10, T0))));

    assertThat(result(store.expireEvents(T0 + 4_000))).isEqualTo(4L);
    assertThat(result(store.countEvents())).isEqualTo(6L);
    assertThat(result(store.events(Long.MIN_VALUE, Long.MAX_VALUE, 100))).extracting(LogEvent::offset)
        .containsExactly(400L, 500L, 600L, 700L, 800L, 900L);
  }

  @Test
  void datapointsAreSavedReplacedReadByRangeAndTrimmed() {
    Map<String, Double> odd = new LinkedHashMap<>();
    odd.put("/static/app.js", 12.5);
    odd.put("$other", null);
    odd.put("NaN", Double.NaN);
    result(store.saveDatapoints(List.of(
        point("5s", "status", T0, Map.of("2xx", 90.0)),
        point("5s", "status", T0 + 5_000, Map.of("2xx", 80.0)),
        point("5s", "paths", T0, odd),
        point("1m", "status", T0, Map.of("2xx", 85.0)))));
    result(store.saveDatapoints(List.of(point("5s", "status", T0, Map.of("2xx", 70.0)))));

    assertThat(result(store.datapoints("5s", T0, T0 + 10_000))).containsExactly(
        point("5s", "paths", T0, odd),
        point("5s", "status", T0, Map.of("2xx", 70.0)),
        point("5s", "status", T0 + 5_000, Map.of("2xx", 80.0)));
    assertThat(result(store.datapoints("5s", T0 + 5_000, T0 + 10_000))).hasSize(1);

    result(store.trimDatapoints("5s", T0 + 5_000));

    assertThat(result(store.datapoints("5s", 0, T0 + 10_000))).extracting(Datapoint::time)
        .containsExactly(T0 + 5_000);
    assertThat(result(store.datapoints("1m", 0, T0 + 10_000))).hasSize(1);
  }

  @Test
  void datapointsOutliveTheLiveHistoryAndExpireAtTheRetention() {
    PeriodConfig minute = new PeriodConfig("1m", Duration.ofMinutes(1), null, 144); // 2.4 h live
    PeriodConfig fiveSeconds = new PeriodConfig("5s", Duration.ofSeconds(5), null, 144); // 12 min
    DatapointRetention retention = new DatapointRetention(Duration.ofDays(7));
    long now = T0;
    long hour = 3_600_000;
    long day = 24 * hour;
    List<Long> minutes = List.of(now - 9 * day, now - 8 * day - hour, now - 8 * day + hour,
        now - 7 * day, now - day, now - hour, now);
    List<Long> seconds = List.of(now - 17 * hour, now - 15 * hour, now - hour);
    List<Datapoint> points = new ArrayList<>();
    minutes.forEach(t -> points.add(point("1m", "status", t, Map.of("2xx", 1.0))));
    minutes.forEach(t -> points.add(point("1m", "paths", t, Map.of("/a", 1.0))));
    seconds.forEach(t -> points.add(point("5s", "status", t, Map.of("2xx", 1.0))));
    result(store.saveDatapoints(points));

    result(retention.expire(store, List.of(minute, fiveSeconds), now));

    // A week and a day of minutes (far beyond 144 points); 5 s points for 16 h (11,520 points).
    assertThat(result(store.datapoints("1m", "status", 0, now + 1))).extracting(Datapoint::time)
        .containsExactly(now - 8 * day + hour, now - 7 * day, now - day, now - hour, now);
    assertThat(result(store.datapoints("5s", 0, now + 1))).extracting(Datapoint::time)
        .containsExactly(now - 15 * hour, now - hour);
    assertThat(result(store.datapoints("1m", "paths", now - 2 * day, now))).extracting(Datapoint::group)
        .containsExactly("paths", "paths");
  }

  @Test
  void aDatapointKeepsHowManyKeysItsOtherSeriesFolded() {
    Datapoint folded = new Datapoint("5s", "paths", T0, 3_000, Map.of("/a", 10.0, "other", 2990.0),
        Map.of("other", 2_950L));
    result(store.saveDatapoints(List.of(folded, point("5s", "status", T0, Map.of("2xx", 1.0)))));
    assertThat(result(store.datapoints("5s", T0, T0 + 1))).containsExactly(folded,
        point("5s", "status", T0, Map.of("2xx", 1.0)));
  }

  @Test
  void checkpointsAreSavedReplacedAndLoaded() {
    assertThat(result(store.checkpoint("nginx"))).isNull();

    result(store.saveCheckpoint(new Checkpoint("nginx", "inode-1", 1000, T0)));
    result(store.saveCheckpoint(new Checkpoint("nginx", "inode-2", 200, T0 + 1)));
    result(store.saveCheckpoint(new Checkpoint("api", "inode-9", 5, T0, "1024:00ff00ff00ff00ff")));

    assertThat(result(store.checkpoint("nginx")))
        .isEqualTo(new Checkpoint("nginx", "inode-2", 200, T0 + 1));
    assertThat(result(store.checkpoint("api")))
        .isEqualTo(new Checkpoint("api", "inode-9", 5, T0, "1024:00ff00ff00ff00ff"));
    assertThat(result(store.checkpoint("nope"))).isNull();
    result(store.saveCheckpoint(new Checkpoint("vhosts|/logs/b.log", "1-2", 7, T0)));
    result(store.saveCheckpoint(new Checkpoint("vhosts|/logs/a.log", "1-3", 9, T0)));
    result(store.saveCheckpoint(new Checkpoint("vhosts.other|/x.log", "1-4", 1, T0)));
    assertThat(result(store.checkpoints("vhosts|"))).containsExactly(
        new Checkpoint("vhosts|/logs/a.log", "1-3", 9, T0),
        new Checkpoint("vhosts|/logs/b.log", "1-2", 7, T0));
    assertThat(result(store.checkpoints("n.*|"))).isEmpty();
  }

  @Test
  void alertRecordsAreSavedReplacedListedAndDeleted() {
    io.vertx.core.json.JsonObject firing = new io.vertx.core.json.JsonObject().put("state", "firing")
        .put("labels", new io.vertx.core.json.JsonObject().put("alertname", "errors").put("series", "5xx"))
        .put("delivered", new io.vertx.core.json.JsonObject().put("ops", "firing"));
    result(store.saveAlertRecord(new AlertRecord("00aa", "errors", T0, firing)));
    result(store.saveAlertRecord(new AlertRecord("00bb", "quiet", T0, new io.vertx.core.json.JsonObject())));
    result(store.saveAlertRecord(new AlertRecord("00aa", "errors", T0 + 5,
        firing.copy().put("state", "resolved"))));

    List<AlertRecord> records = result(store.alertRecords());
    assertThat(records).extracting(AlertRecord::fingerprint).containsExactlyInAnyOrder("00aa", "00bb");
    AlertRecord errors = records.stream().filter(r -> r.fingerprint().equals("00aa")).findFirst().orElseThrow();
    assertThat(errors.rule()).isEqualTo("errors");
    assertThat(errors.updatedAt()).isEqualTo(T0 + 5);
    assertThat(errors.body()).isEqualTo(firing.copy().put("state", "resolved"));

    result(store.deleteAlertRecord("00aa"));
    result(store.deleteAlertRecord("none"));
    assertThat(result(store.alertRecords())).extracting(AlertRecord::fingerprint).containsExactly("00bb");
  }

  @Test
  void deadLettersComeNewestFirstAndOnlyTheNewestAreKept() {
    result(store.saveDeadLetters(List.of(letter(1, T0), letter(2, T0 + 1)), 3));
    result(store.saveDeadLetters(List.of(letter(3, T0 + 2), letter(4, T0 + 2)), 3));

    assertThat(result(store.deadLetters(10))).extracting(DeadLetter::offset)
        .containsExactly(4L, 3L, 2L);
    assertThat(result(store.deadLetters(2))).extracting(DeadLetter::offset)
        .containsExactly(4L, 3L);
    assertThat(result(store.deadLetters(1)).get(0)).isEqualTo(letter(4, T0 + 2));
  }

  @Test
  void resultsArriveOnTheCallersContext() {
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> onCaller = Promise.promise();
    caller.runOnContext(v -> store.append(List.of(batch("nginx", "inode-1", 0, 5, T0)))
        .compose(n -> store.countEvents())
        .onComplete(done -> onCaller.complete(Vertx.currentContext() == caller)));

    assertThat(result(onCaller.future())).isTrue();
  }

  /** Events for aggregation: one per second from T0, with a status, a time and a path. */
  private void storeTraffic() {
    FieldSchema schema = FieldSchema.of("status", "rt", "path", "user");
    List<LogEvent> events = new ArrayList<>();
    Object[][] rows = {
        {200L, 0.1, "/a/x", "alice"}, {200L, 0.3, "/a/y", null}, {404L, 0.2, "/b", ""},
        {500L, "0.4", "/a/x", null}, {503L, 1.0, "/c", "bob"}, {200L, null, "/a/x", null},
    };
    for (int i = 0; i < rows.length; i++) {
      events.add(new LogEvent("web", i * 100L, T0 + i * 1000L, schema, rows[i].clone()));
    }
    result(store.append(List.of(SampleEvents.batch(SampleEvents.origin("web", "inode-9"), events))));
  }

  private List<BucketStats> aggregate(long step, List<Filter> filters, String by, String value,
      boolean counts, int perBucket) {
    List<BucketStats> rows = new ArrayList<>(result(store.aggregate(
        new AggregateQuery(T0, T0 + 6_000, step, filters, by, value, counts, perBucket, false))));
    rows.sort(java.util.Comparator.comparingLong(BucketStats::bucket)
        .thenComparing(r -> String.valueOf(r.key())));
    return rows;
  }

  private static Filter where(String yaml) {
    return ConditionParser.parse(ConfigLoader.parse("groups: {g: {analyzers: [{label: x, metric: count}], where: "
        + yaml + "}}").groups().get("g").where(), "all");
  }

  @Test
  void aggregatesCountsAndStatisticsPerBucketAndKey() {
    storeTraffic();
    List<BucketStats> rows = aggregate(3_000, List.of(), "status", "rt", false, 0);
    // Bucket 0: seconds 0-2 (200, 200, 404); bucket 1: seconds 3-5 (500, 503, 200).
    assertThat(rows).extracting(BucketStats::bucket, BucketStats::key, BucketStats::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "200", 2L),
            org.assertj.core.groups.Tuple.tuple(0L, "404", 1L),
            org.assertj.core.groups.Tuple.tuple(1L, "200", 1L),
            org.assertj.core.groups.Tuple.tuple(1L, "500", 1L),
            org.assertj.core.groups.Tuple.tuple(1L, "503", 1L));
    BucketStats ok = rows.get(0);
    assertThat(ok.measured()).isEqualTo(2);
    assertThat(ok.sum()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ok.min()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ok.max()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(rows.get(1).measured()).isEqualTo(1); // text that spells a number counts
    assertThat(rows.get(2).measured()).isZero();     // the 200 without a time
    assertThat(aggregate(6_000, List.of(), null, null, false, 0))
        .extracting(BucketStats::bucket, BucketStats::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 6L));
  }

  @Test
  void aggregationFiltersMeanWhatLiveFiltersMean() {
    storeTraffic();
    assertThat(total(where("{status: 200}"))).isEqualTo(3);
    assertThat(total(where("{status: '200'}"))).isEqualTo(3);
    assertThat(total(where("{status: [404, 503]}"))).isEqualTo(2);
    assertThat(total(where("{status: {min: 400, max: 500}}"))).isEqualTo(2);
    assertThat(total(where("{path: {regex: '^/a'}}"))).isEqualTo(4);
    assertThat(total(where("{user: {regex: '^\\s*$'}}"))).isEqualTo(4); // absent and empty
    assertThat(total(where("{user: {present: true}}"))).isEqualTo(3);
    assertThat(total(where("{status: {not: 200}}"))).isEqualTo(3);
    assertThat(total(where("{status: 200, path: /a/x}"))).isEqualTo(2);
    assertThat(total(where("{nosuchfield: x}"))).isZero();
    assertThat(total(where("{status: {lt: 500}}"))).isEqualTo(4);
    assertThat(total(where("{status: {le: 404}}"))).isEqualTo(4);
    assertThat(total(where("{status: {gt: 404}}"))).isEqualTo(2);
    assertThat(total(where("{status: {ge: 500, lt: 503}}"))).isEqualTo(1);
    assertThat(total(where("{status: {not: {lt: 500}}}"))).isEqualTo(2);
  }

  @Test
  void sourceIsTheEventsSourceIdUnlessItHasAFieldOfThatName() {
    storeTraffic(); // six events of source web
    LogEvent own = new LogEvent("api", 0, T0, FieldSchema.of("source", "status"), new Object[] {"mobile", 200L});
    result(store.append(List.of(SampleEvents.batch(SampleEvents.origin("api", "inode-3"), List.of(own)))));
    assertThat(total(where("{source: web}"))).isEqualTo(6);
    assertThat(total(where("{source: {regex: '^w'}}"))).isEqualTo(6);
    assertThat(total(where("{source: mobile}"))).isEqualTo(1);
    assertThat(total(where("{source: api}"))).isZero();
    assertThat(total(where("{source: {not: web}}"))).isEqualTo(1);
  }

  private long total(Filter filter) {
    return aggregate(6_000, List.of(filter), null, null, false, 0).stream()
        .mapToLong(BucketStats::count).sum();
  }

  @Test
  void aggregationCountsValuesForPercentilesAndKeepsTopKeys() {
    storeTraffic();
    BucketStats all = aggregate(6_000, List.of(), null, "rt", true, 0).get(0);
    assertThat(all.valueCounts()).containsEntry(0.1, 1L).containsEntry(1.0, 1L).hasSize(5);
    List<BucketStats> top = aggregate(6_000, List.of(), "path", null, false, 1);
    assertThat(top).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("/a/x");
      assertThat(r.count()).isEqualTo(3);
    });
  }

  @Test
  void topKeysAreCutPerBucketAndValueCountsAddUpInEveryBucket() {
    // Three 10 s buckets; in each, path p<i> is seen i + 1 times, with values, a list and text.
    FieldSchema schema = FieldSchema.of("path", "rt");
    List<LogEvent> events = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < 6; i++) {
        for (int j = 0; j <= i; j++) {
          Object rt = j == 0 ? List.of(0.25, 0.5) : j == 1 ? String.valueOf(0.1 * i) : 0.01 * (b * 100 + i * 10 + j);
          events.add(new LogEvent("web", events.size() * 100L, T0 + b * 10_000L + (i * 6 + j) * 100L,
              schema, new Object[] {"/p" + i, rt}));
        }
      }
    }
    result(store.append(List.of(SampleEvents.batch(SampleEvents.origin("web", "inode-5"), events))));

    List<BucketStats> top = result(store.aggregate(
        new AggregateQuery(T0, T0 + 30_000, 10_000, List.of(), "path", null, false, 2, false)));
    assertThat(top).extracting(BucketStats::bucket, BucketStats::key, BucketStats::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0L, "/p5", 6L), org.assertj.core.groups.Tuple.tuple(0L, "/p4", 5L),
            org.assertj.core.groups.Tuple.tuple(1L, "/p5", 6L), org.assertj.core.groups.Tuple.tuple(1L, "/p4", 5L),
            org.assertj.core.groups.Tuple.tuple(2L, "/p5", 6L), org.assertj.core.groups.Tuple.tuple(2L, "/p4", 5L));

    List<BucketStats> values = result(store.aggregate(
        new AggregateQuery(T0, T0 + 30_000, 10_000, List.of(), null, "rt", true, 0, false)));
    assertThat(values).hasSize(3).allSatisfy(bucket -> {
      assertThat(bucket.count()).isEqualTo(21);
      assertThat(bucket.measured()).isEqualTo(21);
      assertThat(bucket.valueCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(21);
      assertThat(bucket.valueCounts()).containsEntry(0.75, 6L); // the lists, by their total
      assertThat(bucket.min()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
    });
    assertThat(values.get(2).max()).isCloseTo(2.55, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void keysBeyondTheMostFrequentAreFoldedIntoOneRowPerBucket() {
    // Two 10 s buckets; in each, /hot 5 times and 40 paths once, each with a value.
    FieldSchema schema = FieldSchema.of("path", "rt");
    List<LogEvent> events = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 45; i++) {
        String path = i < 5 ? "/hot" : "/rare-" + b + "-" + i;
        events.add(new LogEvent("web", events.size() * 100L, T0 + b * 10_000L + i * 100L,
            schema, new Object[] {path, i < 5 ? 1.0 : 2.0}));
      }
    }
    result(store.append(List.of(SampleEvents.batch(SampleEvents.origin("web", "inode-6"), events))));

    List<BucketStats> rows = result(store.aggregate(
        AggregateQuery.counting(T0, T0 + 20_000, 10_000, List.of()).groupedBy("path")
            .measuring("rt").withValueCounts().foldBeyond(3)));
    assertThat(rows).hasSize(8); // per bucket: 3 keys and the folded row
    for (long b = 0; b < 2; b++) {
      long bucket = b;
      List<BucketStats> of = rows.stream().filter(r -> r.bucket() == bucket).toList();
      assertThat(of.stream().filter(r -> r.folded() == 0)).hasSize(3)
          .anySatisfy(r -> assertThat(r).extracting(BucketStats::key, BucketStats::count)
              .containsExactly("/hot", 5L));
      BucketStats rest = of.stream().filter(r -> r.folded() > 0).findFirst().orElseThrow();
      assertThat(rest.key()).isNull();
      assertThat(rest.folded()).isEqualTo(38);
      assertThat(rest.count()).isEqualTo(38);
      assertThat(rest.sum()).isCloseTo(76.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(rest.valueCounts()).containsEntry(2.0, 38L);
      assertThat(of.stream().mapToLong(BucketStats::count).sum()).isEqualTo(45);
    }
  }

  /**
   * Requests as nginx logs them with retries: {@code $upstream_addr} and
   * {@code $upstream_response_time} list one entry per try ({@code -} is null), as the parser
   * reads {@code 10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80}.
   */
  private void storeTries() {
    FieldSchema schema = FieldSchema.of("addr", "rt", "ups_status");
    Object[][] rows = {
        {List.of("a", "b"), List.of(0.1, 0.2), List.of(502L, 200L)},
        {"a", 0.3, 200L},
        {List.of("a", "c"), Arrays.asList(0.4, null), List.of(504L, 200L)},
        {List.of("b", "c"), 0.5, List.of(502L, 503L)},       // one value: the request's
        {List.of("a", "b", "c"), List.of(0.6, 0.7), List.of(502L, 502L, 200L)}, // one time short
        {Arrays.asList(null, "b"), List.of(0.05, 0.25), Arrays.asList(null, 200L)},
        {null, 0.9, null},
        {"a", 1.0, 200L},
    };
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      events.add(new LogEvent("web", i * 100L, T0 + i * 1000L, schema, rows[i].clone()));
    }
    result(store.append(List.of(SampleEvents.batch(SampleEvents.origin("web", "inode-7"), events))));
  }

  @Test
  void aListValuedKeyCountsEachTryUnderItsOwnKeyWithThatTrysValue() {
    storeTries();
    AggregateQuery byAddr = AggregateQuery.counting(T0, T0 + 10_000, 10_000, List.of()).groupedBy("addr");
    Map<String, BucketStats> rows = byKey(result(store.aggregate(byAddr.measuring("rt"))));

    assertThat(rows.keySet()).containsExactlyInAnyOrder("a", "b", "c", "");
    assertStats(rows.get("a"), 5, 5, 0.1 + 0.3 + 0.4 + 0.6 + 1.0);
    assertStats(rows.get("b"), 4, 4, 0.2 + 0.5 + 0.7 + 0.25);
    assertStats(rows.get("c"), 3, 1, 0.5); // a '-' time, and a try past the times listed
    assertStats(rows.get(""), 2, 2, 0.05 + 0.9); // a '-' address, and no address at all
    assertThat(rows.get("c").max()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));

    Map<String, BucketStats> statuses = byKey(result(store.aggregate(
        AggregateQuery.counting(T0, T0 + 10_000, 10_000, List.of()).groupedBy("ups_status"))));
    assertThat(statuses).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().count())
        .containsExactlyInAnyOrder("200=6", "502=4", "503=1", "504=1", "=2");
  }

  @Test
  void triesAreCountedPerRequestAndPerTry() {
    storeTries();
    AggregateQuery all = AggregateQuery.counting(T0, T0 + 10_000, 10_000, List.of());
    BucketStats requests = result(store.aggregate(all.measuringTries("addr").withValueCounts())).get(0);
    assertThat(requests.valueCounts()).containsOnly(Map.entry(1.0, 2L), Map.entry(2.0, 4L),
        Map.entry(3.0, 1L));
    Map<String, BucketStats> perTry = byKey(result(store.aggregate(
        all.groupedBy("addr").measuringTries("addr").withValueCounts())));
    assertThat(perTry.get("a").valueCounts()).containsOnly(Map.entry(1.0, 2L), Map.entry(2.0, 2L),
        Map.entry(3.0, 1L));
    assertThat(perTry.get("c").valueCounts()).containsOnly(Map.entry(2.0, 2L), Map.entry(3.0, 1L));
  }

  @Test
  void foldedTriesKeepEachTrysValues() {
    storeTries();
    List<BucketStats> rows = result(store.aggregate(AggregateQuery.counting(T0, T0 + 10_000, 10_000,
        List.of()).groupedBy("addr").measuring("rt").withValueCounts().foldBeyond(1)));
    assertThat(rows).hasSize(2);
    assertThat(rows).filteredOn(r -> r.folded() == 0).singleElement()
        .satisfies(r -> assertStats(r, 5, 5, 2.4));
    BucketStats rest = rows.stream().filter(r -> r.folded() > 0).findFirst().orElseThrow();
    assertThat(rest.folded()).isEqualTo(3);
    assertStats(rest, 9, 7, 0.2 + 0.5 + 0.7 + 0.25 + 0.5 + 0.05 + 0.9);
    assertThat(rest.valueCounts()).containsOnly(Map.entry(0.2, 1L), Map.entry(0.5, 2L),
        Map.entry(0.7, 1L), Map.entry(0.25, 1L), Map.entry(0.05, 1L), Map.entry(0.9, 1L));
  }

  /** A filter on a per-try field matches a request when one of its tries does, as live filters. */
  @Test
  void aListEqualsAValueOneOfItsTriesEquals() {
    storeTries();
    assertThat(matching("addr = b")).isEqualTo(4);
    assertThat(matching("addr = a")).isEqualTo(5);
    assertThat(matching("addr != a")).isEqualTo(3);
    assertThat(matching("addr in (c, d)")).isEqualTo(3);
    assertThat(matching("ups_status = 502")).isEqualTo(3);
    assertThat(matching("ups_status = 200")).isEqualTo(6);
    assertThat(matching("ups_status = 702")).as("not the tries' total").isZero();
    assertThat(matching("rt = 0.25")).isEqualTo(1);
    assertThat(matching("rt = 0.5")).isEqualTo(1);
  }

  /** How many stored events of the first 10 s pass the where-language {@code where}. */
  private long matching(String where) {
    return result(store.eventsPage(new EventsQuery(T0, T0 + 10_000, List.of(WhereText.parse(where)), 1, null),
        Deadline.after(Duration.ofSeconds(10)))).total();
  }

  private static Map<String, BucketStats> byKey(List<BucketStats> rows) {
    Map<String, BucketStats> out = new LinkedHashMap<>();
    rows.forEach(r -> assertThat(out.put(r.key(), r)).as("key " + r.key()).isNull());
    return out;
  }

  private static void assertStats(BucketStats row, long count, long measured, double sum) {
    assertThat(row.count()).as(row.key() + " count").isEqualTo(count);
    assertThat(row.measured()).as(row.key() + " measured").isEqualTo(measured);
    assertThat(row.sum()).as(row.key() + " sum").isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void storedEventsComeBackInBatchesPerSourceFile() {
    result(store.append(List.of(batch("nginx", "inode-1", 0, 3, T0), batch("api", "inode-7", 0, 2, T0))));
    List<EventBatch> batches = result(store.eventBatches(T0, T0 + 100_000, 100));
    // In time order: the two files' events interleave, each run of one file a batch.
    assertThat(batches).extracting(b -> b.origin().sourceId() + "/" + b.origin().fileId())
        .containsOnly("nginx/inode-1", "api/inode-7");
    assertThat(batches.stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(5);
    assertThat(batches.stream().filter(b -> b.origin().sourceId().equals("nginx"))
        .flatMap(b -> b.events().stream()).map(LogEvent::offset)).containsExactly(0L, 100L, 200L);
    assertThat(batches).allMatch(b -> b.events().stream()
        .allMatch(e -> e.offset() >= b.startOffset() && e.offset() < b.endOffset()));
  }

  private static final Filter STATUS_300 = ConditionParser.parse(Map.of("status", 300), "all");

  /** Three files' events at the same times, so pages must order ties by identity. */
  private List<LogEvent> storeTies() {
    List<EventBatch> batches = List.of(batch("nginx", "inode-1", 0, 30, T0),
        batch("nginx", "inode-2", 0, 30, T0), batch("api", "inode-1", 0, 30, T0));
    result(store.append(batches));
    return batches.stream().flatMap(b -> b.events().stream()).toList();
  }

  private List<EventsPage.Stored> allPages(EventsQuery first) {
    List<EventsPage.Stored> seen = new ArrayList<>();
    EventsQuery q = first;
    for (int pages = 0; pages < 100; pages++) {
      EventsPage page = result(store.eventsPage(q, Deadline.after(java.time.Duration.ofSeconds(10))));
      seen.addAll(page.events());
      if (page.next() == null) {
        return seen;
      }
      q = new EventsQuery(q.from(), q.to(), q.filters(), q.limit(), EventCursor.decode(page.next().encode()));
    }
    throw new AssertionError("more than 100 pages");
  }

  @Test
  void aPageOfEventsComesNewestFirstWithLinesFieldsAndTheTotal() {
    List<LogEvent> all = storeTies();
    long from = T0 + 3_000;
    long to = T0 + 27_000;
    EventsPage page = result(store.eventsPage(new EventsQuery(from, to, List.of(STATUS_300), 4, null),
        Deadline.after(java.time.Duration.ofSeconds(10))));

    long matching = all.stream().filter(e -> e.time() >= from && e.time() < to
        && Long.valueOf(300).equals(e.get("status"))).count();
    assertThat(page.total()).isEqualTo(matching).isEqualTo(24);
    assertThat(page.events()).hasSize(4);
    assertThat(page.next()).isNotNull();
    EventsPage.Stored newest = page.events().get(0);
    assertThat(newest.event().time()).isEqualTo(T0 + 25_000);
    LogEvent original = all.stream().filter(e -> e.source().equals(newest.event().source())
        && e.offset() == newest.event().offset()).findFirst().orElseThrow();
    assertThat(newest.event().line()).isEqualTo(original.line());
    assertSameEvent(newest.event(), original);
    assertThat(newest.host()).isEqualTo("web1");
    assertThat(newest.path()).isEqualTo("/var/log/nginx/access.log");
  }

  @Test
  void pagesFollowTheirCursorsWithoutSkippingOrRepeatingEvenAsEventsArrive() {
    storeTies();
    long from = T0;
    long to = T0 + 40_000;
    EventsQuery first = new EventsQuery(from, to, List.of(), 7, null);
    EventsPage page1 = result(store.eventsPage(first, Deadline.after(java.time.Duration.ofSeconds(10))));
    // Newer events and an older one of another file arrive between pages.
    result(store.append(List.of(batch("nginx", "inode-1", 3000, 5, T0), batch("zzz", "inode-9", 0, 1, T0))));
    List<EventsPage.Stored> rest = allPages(new EventsQuery(from, to, List.of(), 7, page1.next()));

    List<EventsPage.Stored> seen = new ArrayList<>(page1.events());
    seen.addAll(rest);
    List<String> ids = seen.stream().map(s -> s.event().source() + "/" + s.fileId() + "/" + s.event().offset()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    // Every event stored before the first page is there once; of those after, only the one
    // older than the first page's end (zzz at T0) is.
    List<String> storedFirst = new ArrayList<>();
    for (String file : List.of("nginx/inode-1", "nginx/inode-2", "api/inode-1")) {
      for (int i = 0; i < 30; i++) {
        storedFirst.add(file + "/" + 100 * i);
      }
    }
    assertThat(ids).containsAll(storedFirst).contains("zzz/inode-9/0");
    assertThat(seen).hasSize(90 + 1);
    for (int i = 1; i < seen.size(); i++) {
      EventCursor before = seen.get(i - 1).cursor();
      EventCursor after = seen.get(i).cursor();
      assertThat(before.time() > after.time() || (before.time() == after.time()
          && (before.source().compareTo(after.source()) > 0 || (before.source().equals(after.source())
          && (before.fileId().compareTo(after.fileId()) > 0 || (before.fileId().equals(after.fileId())
          && before.offset() > after.offset())))))).as("newest first at " + i).isTrue();
    }
    assertThat(seen).allMatch(s -> s.event().line() != null && s.event().line().startsWith(s.event().source() + "@"));
  }

  @Test
  void anEventStoredWithoutItsLineComesBackWithout() {
    LogEvent bare = new LogEvent("old", 0, T0, SampleEvents.ACCESS,
        new Object[SampleEvents.ACCESS.size()]);
    result(store.append(List.of(batch(SampleEvents.origin("old", "inode-1"), List.of(bare)))));
    EventsPage page = result(store.eventsPage(new EventsQuery(T0, T0 + 1, List.of(), 10, null),
        Deadline.after(java.time.Duration.ofSeconds(10))));
    assertThat(page.total()).isEqualTo(1);
    assertThat(page.events().get(0).event().line()).isNull();
    assertThat(page.next()).isNull();
  }

  private static void assertSameEvent(LogEvent actual, LogEvent expected) {
    assertThat(actual.source()).isEqualTo(expected.source());
    assertThat(actual.offset()).isEqualTo(expected.offset());
    assertThat(actual.schema().names()).isEqualTo(expected.schema().names());
    assertThat(actual.fields()).isEqualTo(expected.fields());
    for (int i = 0; i < expected.schema().size(); i++) {
      assertThat(typeOf(actual.value(i))).as(expected.schema().name(i))
          .isEqualTo(typeOf(expected.value(i)));
    }
  }

  /** The value's class, recursively for lists: Long must stay Long, not become Integer. */
  private static Object typeOf(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(EventStoreContractTest::typeOf).toList();
    }
    return value == null ? null : value.getClass();
  }

  private static Datapoint point(String period, String group, long time,
      Map<String, Double> values) {
    return new Datapoint(period, group, time, 42, values);
  }

  private static DeadLetter letter(long offset, long receivedAt) {
    return new DeadLetter("nginx", "inode-1", offset, receivedAt, "garbage line " + offset,
        "no format matched");
  }
}
