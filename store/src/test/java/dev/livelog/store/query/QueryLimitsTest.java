package dev.livelog.store.query;

import static dev.livelog.common.Await.failure;
import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {
  private static final long NOW = 1_764_064_800_000L; // 2025-11-25T10:00:00Z
  private static final long DAY = 86_400_000L;
  private final QueryLimits limits = QueryLimits.of(Duration.ofDays(7));
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    result(vertx.close());
  }

  private static JsonObject request(Object from, Object to, Object step) {
    JsonObject r = new JsonObject().put("from", from).put("to", to);
    return step == null ? r : r.put("step", step);
  }

  @Test
  void theOverflowingRangeFromTheIssueIsRefusedNamingTheParameter() {
    // from=-9999999999999d (saturated) and to=Long.MAX_VALUE: once answered by grouping all
    // history in 1 s buckets, because to - from overflowed into a small bucket count.
    assertThatThrownBy(() -> limits.buckets(-9_223_370_240_205_769_876L, Long.MAX_VALUE, 1_000L, NOW))
        .isInstanceOf(QueryRefused.class).hasMessageContaining("'from'").hasMessageContaining("1970");
    assertThatThrownBy(() -> limits.buckets(NOW - DAY, Long.MAX_VALUE, 1_000L, NOW))
        .hasMessageContaining("'to'").hasMessageContaining("a day ahead");
    assertThatThrownBy(() -> limits.buckets(NOW - DAY, NOW, Long.MAX_VALUE, NOW))
        .hasMessageContaining("'step'");
    assertThat(((QueryRefused) catchRefusal(() -> limits.buckets(-1, NOW, null, NOW))).status()).isEqualTo(400);
  }

  @Test
  void aDayAheadIsAllowedAndNoMore() {
    assertThat(limits.range(NOW - 1_000, NOW + DAY, NOW).to()).isEqualTo(NOW + DAY);
    assertThatThrownBy(() -> limits.range(NOW - 1_000, NOW + DAY + 1, NOW)).hasMessageContaining("'to'");
    assertThatThrownBy(() -> limits.range(NOW + DAY + 1, NOW + DAY + 2, NOW)).hasMessageContaining("'from'");
    assertThatThrownBy(() -> limits.range(NOW, NOW - 1, NOW)).hasMessageContaining("'from' must be before 'to'");
  }

  @Test
  void theRangeIsCutAtTheRetention() {
    QueryLimits.Range range = limits.range(NOW - 30 * DAY, NOW, NOW);
    assertThat(range.from()).isEqualTo(NOW - 7 * DAY);
    assertThat(range.to()).isEqualTo(NOW);
    assertThatThrownBy(() -> limits.range(NOW - 30 * DAY, NOW - 8 * DAY, NOW))
        .hasMessageContaining("'to'").hasMessageContaining("7d retention");
    // Steps are counted over what is left, so a wide range with the default step stays useful.
    QueryLimits.Buckets all = limits.buckets(0, NOW, null, NOW);
    assertThat(all.from()).isEqualTo(NOW - 7 * DAY);
    assertThat(all.count()).isLessThanOrEqualTo(QueryLimits.DEFAULT_POINTS);
  }

  @Test
  void onePointLimitWithTheStepThatWouldDo() {
    assertThatThrownBy(() -> limits.buckets(NOW - DAY, NOW, 1_000L, NOW))
        .hasMessageContaining("86400 points").hasMessageContaining("at most 2000")
        .hasMessageContaining("'step' of at least 44s");
    assertThat(limits.buckets(NOW - DAY, NOW, 44_000L, NOW).count()).isLessThanOrEqualTo(QueryLimits.MAX_POINTS);
    assertThat(limits.buckets(NOW - 3_600_000, NOW, null, NOW).step()).isEqualTo(12_000);
    assertThat(limits.buckets(NOW - 10_000, NOW, null, NOW).step()).isEqualTo(1_000);
    assertThatThrownBy(() -> limits.buckets(NOW - DAY, NOW, 500L, NOW)).hasMessageContaining("'step'")
        .hasMessageContaining("at least 1s");
  }

  @Test
  void busRequestsAreReadExactly() {
    assertThat(limits.buckets(request(NOW - 60_000, NOW, 1_000), NOW).count()).isEqualTo(60);
    assertThat(limits.buckets(request(NOW - 60_000, NOW, null), NOW).step()).isEqualTo(1_000);
    // Numbers too large for a long arrive as BigInteger from JSON; they must not wrap around.
    JsonObject huge = new JsonObject("{\"from\": 18446744073709551616, \"to\": " + NOW + "}");
    assertThatThrownBy(() -> limits.buckets(huge, NOW)).hasMessageContaining("'from'")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> limits.buckets(request("yesterday", NOW, null), NOW)).hasMessageContaining("'from'");
    assertThatThrownBy(() -> limits.buckets(request(1.5, NOW, null), NOW)).hasMessageContaining("'from'");
    assertThatThrownBy(() -> limits.buckets(new JsonObject().put("from", NOW), NOW)).hasMessageContaining("'to'");
  }

  @Test
  void beyondTheMostRunningAtOnceAQueryIsRefusedWith429() {
    QueryLimits two = new QueryLimits(Duration.ofDays(7), Duration.ofMinutes(1), 2);
    Promise<String> first = Promise.promise();
    Promise<String> second = Promise.promise();
    Future<String> a = two.run(vertx, deadline -> first.future());
    Future<String> b = two.run(vertx, deadline -> second.future());

    Throwable refused = failure(two.run(vertx, deadline -> Future.succeededFuture("third")));
    assertThat(refused).isInstanceOf(QueryRefused.class).hasMessageContaining("at most 2 run at once");
    assertThat(((QueryRefused) refused).status()).isEqualTo(429);

    first.complete("done");
    assertThat(result(a)).isEqualTo("done");
    String third = result(two.run(vertx, deadline -> Future.succeededFuture("now it runs")));
    assertThat(third).isEqualTo("now it runs");
    second.fail(new IllegalStateException("store failed"));
    assertThat(failure(b)).hasMessageContaining("store failed");
    assertThat(two.running()).isZero();
  }

  @Test
  void theAnswerFailsAtTheDeadlineAndTheQueryCountsUntilTheStoreLetsGo() {
    QueryLimits quick = new QueryLimits(Duration.ofDays(7), Duration.ofMillis(100), 1);
    Promise<String> store = Promise.promise(); // a store that ignores its deadline
    AtomicReference<Deadline> given = new AtomicReference<>();
    long started = System.nanoTime();

    Throwable late = failure(quick.run(vertx, deadline -> {
      given.set(deadline);
      return store.future();
    }));

    assertThat(late).isInstanceOf(QueryRefused.class).hasMessageContaining("100ms deadline");
    assertThat(((QueryRefused) late).status()).isEqualTo(504);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    assertThat(given.get().passed()).isTrue();
    assertThat(failure(quick.run(vertx, deadline -> Future.succeededFuture("x")))).hasMessageContaining("at most 1 run at once");
    store.complete("finally");
    assertThat(quick.running()).isZero();
  }

  private static Throwable catchRefusal(Runnable r) {
    try {
      r.run();
    } catch (QueryRefused e) {
      return e;
    }
    throw new AssertionError("not refused");
  }
}
