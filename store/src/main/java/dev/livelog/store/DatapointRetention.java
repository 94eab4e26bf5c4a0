package dev.livelog.store;

import dev.livelog.common.config.PeriodConfig;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long each period's datapoints stay stored, and which period's stored datapoints draw a
 * chart's baseline (its series a day or a week earlier).
 *
 * <p>Datapoints outlive a period's live history so that last week's exist: they are kept for
 * the events' retention plus a day (the week-earlier overlay of the last day needs a week and
 * a day). A week of 1-second points would be 604,800 rows per plot group, so a period keeps at
 * most {@value #MAX_POINTS} points per group (a week and a day of 1-minute points): 1-minute and
 * coarser periods keep the whole retention, finer ones less (5 s: 16 hours), and never less
 * than their live history. A chart whose own period does not reach back far enough is overlaid
 * from a coarser period that does ({@link #sourceFor}).
 */
public final class DatapointRetention {
  /** The most points a period keeps per plot group. */
  public static final int MAX_POINTS = 11_520;
  /** How much longer than events datapoints are kept. */
  static final Duration BEYOND_EVENTS = Duration.ofDays(1);

  private final long retentionMillis;

  public DatapointRetention(Duration eventRetention) {
    this.retentionMillis = eventRetention.plus(BEYOND_EVENTS).toMillis();
  }

  /** How long the period's datapoints are kept, in milliseconds. */
  public long keptMillis(PeriodConfig period) {
    long interval = period.interval().toMillis();
    long history = interval * period.history();
    return Math.max(history, Math.min(retentionMillis, interval * MAX_POINTS));
  }

  /** The longest any period keeps its datapoints. */
  public long longestMillis(List<PeriodConfig> periods) {
    return periods.stream().mapToLong(this::keptMillis).max().orElse(0);
  }

  /** Deletes every period's datapoints older than it keeps them. */
  public Future<Void> expire(EventStore store, List<PeriodConfig> periods, long now) {
    return Future.all(periods.stream()
        .map(p -> store.trimDatapoints(p.name(), now - keptMillis(p))).toList()).mapEmpty();
  }

  /**
   * The period whose stored datapoints draw a chart of a point every {@code stepMillis} over
   * {@code [from, to)} (times in the past, already shifted there) at most {@code maxPoints}
   * points: of the periods no finer than the chart (if none is, the coarsest first), the finest still kept
   * back to {@code from}, else the one kept longest (it draws what it still has); empty when
   * every period would give more than {@code maxPoints} points.
   */
  public Optional<PeriodConfig> sourceFor(List<PeriodConfig> periods, long stepMillis, long from,
      long to, long now, int maxPoints) {
    Comparator<PeriodConfig> finestFirst = Comparator.comparing(PeriodConfig::interval);
    List<PeriodConfig> fitting = periods.stream()
        .filter(p -> (to - from) / p.interval().toMillis() <= maxPoints)
        .sorted(finestFirst).toList();
    List<PeriodConfig> coarseEnough = fitting.stream()
        .filter(p -> p.interval().toMillis() >= stepMillis).toList();
    List<PeriodConfig> candidates = coarseEnough.isEmpty()
        ? fitting.stream().sorted(finestFirst.reversed()).toList() : coarseEnough;
    return candidates.stream().filter(p -> now - keptMillis(p) <= from).findFirst()
        .or(() -> candidates.stream().max(Comparator.comparingLong(this::keptMillis)));
  }
}
