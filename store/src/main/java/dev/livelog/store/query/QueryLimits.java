package dev.livelog.store.query;

import dev.livelog.common.config.Durations;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The limits every query over stored events keeps, checked where the query runs (a bus
 * address can be called by anyone, not only by the web):
 * <ul>
 *   <li>times are epoch milliseconds from 1970 to a day ahead of now, and the range is cut at
 *       the retention (nothing older is kept); arithmetic is exact, so no value overflows past
 *       a check;</li>
 *   <li>at most {@value #MAX_POINTS} time buckets, about {@value #DEFAULT_POINTS} when no step
 *       is asked for;</li>
 *   <li>at most {@code maxRunning} queries at once (429 beyond), each with a deadline at which
 *       the store cancels it (504).</li>
 * </ul>
 * One instance per answerer holds the count of running queries.
 */
public final class QueryLimits {
  public static final int MAX_POINTS = 2_000;
  public static final int DEFAULT_POINTS = 300;
  public static final Duration DEADLINE = Duration.ofSeconds(10);
  /** For work nobody waits on (warm-up, backfill): longer, but never unbounded. */
  public static final Duration BACKGROUND_DEADLINE = Duration.ofMinutes(2);
  public static final int MAX_RUNNING = 4;
  private static final long AHEAD_MS = Duration.ofDays(1).toMillis();
  private static final long SECOND = 1_000;
  private static final long LONGEST_STEP = Duration.ofDays(366).toMillis();

  private final Duration retention;
  private final Duration deadline;
  private final int maxRunning;
  private final AtomicInteger running = new AtomicInteger();

  public QueryLimits(Duration retention, Duration deadline, int maxRunning) {
    this.retention = retention;
    this.deadline = deadline;
    this.maxRunning = maxRunning;
  }

  /** The default deadline and concurrency, with the store's retention. */
  public static QueryLimits of(Duration retention) {
    return new QueryLimits(retention, DEADLINE, MAX_RUNNING);
  }

  /** A checked range of event times, {@code [from, to)}. */
  public record Range(long from, long to) {}

  /** A checked range cut into {@code step}-millisecond buckets. */
  public record Buckets(long from, long to, long step) {
    public long count() {
      return AggregateQuery.buckets(from, to, step);
    }
  }

  /**
   * Checks a time range: both ends from 1970 to a day ahead of {@code now}, {@code from}
   * before {@code to}; {@code from} is moved up to the oldest time the retention keeps.
   *
   * @throws QueryRefused (400) naming the parameter and the reason
   */
  public Range range(long from, long to, long now) {
    return range(from, to, now, retention);
  }

  /**
   * {@link #range(long, long, long)} over data kept for {@code kept} rather than the events'
   * retention (stored datapoints, which outlive events).
   */
  public Range range(long from, long to, long now, Duration kept) {
    long latest = now + AHEAD_MS;
    checkTime("from", from, now, latest);
    checkTime("to", to, now, latest);
    if (from >= to) {
      throw QueryRefused.badRequest("'from' must be before 'to'");
    }
    long oldest = Math.max(0, now - Math.min(now, kept.toMillis()));
    if (to <= oldest) {
      throw QueryRefused.badRequest("'to' (" + Instant.ofEpochMilli(to) + ") is older than the "
          + Durations.format(kept) + " retention: nothing before " + Instant.ofEpochMilli(oldest)
          + " is kept");
    }
    return new Range(Math.max(from, oldest), to);
  }

  /**
   * Checks a range and a step ({@code null}: about {@value #DEFAULT_POINTS} buckets of whole
   * seconds): the step is whole seconds, from 1 s to 366 days, and the
   * range holds at most {@value #MAX_POINTS} of them.
   *
   * @throws QueryRefused (400) naming the parameter, and the step that would do
   */
  public Buckets buckets(long from, long to, Long step, long now) {
    Range range = range(from, to, now);
    long span = range.to() - range.from();
    long ms = step == null ? stepFor(span, DEFAULT_POINTS) : checkStep(step);
    long points = AggregateQuery.buckets(range.from(), range.to(), ms);
    if (points > MAX_POINTS) {
      throw QueryRefused.badRequest("that is " + points + " points, at most " + MAX_POINTS
          + " are served: use a 'step' of at least " + Durations.format(Duration.ofMillis(stepFor(span, MAX_POINTS))));
    }
    return new Buckets(range.from(), range.to(), ms);
  }

  /** {@link #range} of a bus request's {@code from} and {@code to} (epoch milliseconds). */
  public Range range(JsonObject request, long now) {
    return range(millis(request, "from"), millis(request, "to"), now);
  }

  /** {@link #buckets} of a bus request's {@code from}, {@code to} and optional {@code step}. */
  public Buckets buckets(JsonObject request, long now) {
    Long step = request.getValue("step") == null ? null : millis(request, "step");
    return buckets(millis(request, "from"), millis(request, "to"), step, now);
  }

  /**
   * Runs a query if fewer than {@code maxRunning} are running, giving it its deadline; the
   * answer fails at the deadline even if the store has not stopped yet, and the query counts
   * as running until it has.
   */
  public <T> Future<T> run(Vertx vertx, Function<Deadline, Future<T>> query) {
    if (running.incrementAndGet() > maxRunning) {
      running.decrementAndGet();
      return Future.failedFuture(QueryRefused.busy(maxRunning));
    }
    Deadline due = Deadline.after(deadline);
    Promise<T> answer = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, due.remainingMillis()), id -> answer.tryFail(due.exceeded()));
    Future<T> work;
    try {
      work = query.apply(due);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    work.onComplete(done -> {
      running.decrementAndGet();
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        answer.tryComplete(done.result());
      } else {
        answer.tryFail(done.cause());
      }
    });
    return answer.future();
  }

  /** Queries running now. */
  public int running() {
    return running.get();
  }

  /** A whole number of milliseconds that fits in a long, exactly (JSON may carry more). */
  private static long millis(JsonObject request, String name) {
    Object value = request.getValue(name);
    try {
      if (value instanceof Integer || value instanceof Long) {
        return ((Number) value).longValue();
      }
      if (value instanceof BigInteger big) {
        return big.longValueExact();
      }
      if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
        return new BigDecimal(value.toString()).longValueExact();
      }
    } catch (ArithmeticException | NumberFormatException inexact) {
      // refused below
    }
    throw QueryRefused.badRequest("'" + name + "' must be a whole number of epoch milliseconds"
        + (value == null ? "" : "; got " + value));
  }

  private static void checkTime(String name, long time, long now, long latest) {
    if (time < 0) {
      throw QueryRefused.badRequest("'" + name + "' is before 1970-01-01T00:00:00Z (" + time
          + " ms); no events are that old");
    }
    if (time > latest) {
      throw QueryRefused.badRequest("'" + name + "' is more than a day ahead of now ("
          + Instant.ofEpochMilli(now) + "); got " + time + " ms");
    }
  }

  /**
   * A step of whole seconds, from 1 s to 366 days.
   *
   * @throws QueryRefused (400) naming the parameter
   */
  public long step(long step) {
    return checkStep(step);
  }

  private long checkStep(long step) {
    if (step < SECOND || step % SECOND != 0) {
      throw QueryRefused.badRequest("'step' must be a whole number of seconds, at least 1s; got "
          + step + " ms");
    }
    if (step > LONGEST_STEP) {
      throw QueryRefused.badRequest("'step' must be at most " + Durations.format(Duration.ofMillis(LONGEST_STEP))
          + "; got " + Durations.format(Duration.ofMillis(step)));
    }
    return step;
  }

  /** The shortest whole-second step that covers {@code span} in at most {@code points}. */
  private static long stepFor(long span, int points) {
    return Math.max(SECOND, ceilDiv(ceilDiv(span, points), SECOND) * SECOND);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
