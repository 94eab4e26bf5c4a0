package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.LogEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The live analytics: events go into per-second buckets by their own time; at each tick of a
 * period, every plot group's window (the seed's {@code interval + 5 s}) is merged from those
 * buckets into one datapoint. An event late by less than the longest window still counts in
 * every window that covers its second; an older one is counted as late, not silently lost.
 * A period's datapoint is computed {@code settle} after its time (see {@link TickSettle}); per
 * period, an event that arrives after the first of its datapoints that should count it was
 * computed is counted as after its tick (that point's drill-down lists it, its count does
 * not), and one that arrives after every such datapoint (a longer period may still count it)
 * as late for that period.
 * Not thread-safe: one engine per event loop; metrics read its counters from elsewhere, which
 * may see them a moment late.
 */
public final class AnalyticsEngine {
  /** How far ahead of this machine's clock an event may be (clock skew between servers). */
  static final long MAX_FUTURE_SECONDS = 60;

  private final List<GroupPlan> groups;
  private final List<GroupPlan.Admissions> admissions;
  private final SecondBuckets buckets;
  private final LookbackBuckets lookbacks;
  private final long keepSeconds;
  private final List<PeriodConfig> periods;
  private final long[] windowSeconds;
  private final long[] intervalMillis;
  private final long settleMillis;
  private final long[] lateFor;
  private final long[] afterTickFor;
  /**
   * Per period, the time of the last tick computed (or, from {@link #startedAt}, due before
   * this engine ran, so never to be computed live): an event is judged against the ticks
   * actually computed, not the clock, since a timer under load fires late and its tick still
   * counts what came before it.
   */
  private final long[] computedThrough;
  private long accepted;
  private long late;
  private long future;

  /** An engine whose ticks are computed at their time (tests, benchmarks). */
  public AnalyticsEngine(List<GroupPlan> groups, List<PeriodConfig> periods) {
    this(groups, periods, Duration.ZERO);
  }

  /** An engine whose ticks are computed {@code settle} after their time ({@link TickSettle}). */
  public AnalyticsEngine(List<GroupPlan> groups, List<PeriodConfig> periods, Duration settle) {
    this.groups = groups;
    this.admissions = groups.stream().map(GroupPlan::newAdmissions).toList();
    this.periods = List.copyOf(periods);
    this.windowSeconds = periods.stream().mapToLong(p -> p.window().toSeconds()).toArray();
    this.intervalMillis = periods.stream().mapToLong(p -> p.interval().toMillis()).toArray();
    this.settleMillis = settle.toMillis();
    this.lateFor = new long[periods.size()];
    this.afterTickFor = new long[periods.size()];
    this.computedThrough = new long[periods.size()];
    Arrays.fill(computedThrough, Long.MIN_VALUE);
    long longestWindow = periods.stream().mapToLong(p -> p.window().toSeconds()).max().orElse(10);
    // A tick reads its window settle after its time: the seconds are kept that much longer.
    long settleSeconds = Math.floorDiv(settleMillis + 999, 1000L);
    this.keepSeconds = longestWindow + settleSeconds + 5;
    this.buckets = new SecondBuckets(groups, (int) (keepSeconds + MAX_FUTURE_SECONDS + 5));
    this.lookbacks = new LookbackBuckets(groups, settleSeconds, MAX_FUTURE_SECONDS);
  }

  /** How far back events count: the longest window, or the longest lookback of a metric. */
  public long longestSpanSeconds() {
    return Math.max(keepSeconds, lookbacks.keepSeconds());
  }

  public void accept(LogEvent event, long nowMillis) {
    long second = Math.floorDiv(event.time(), 1000L);
    long now = Math.floorDiv(nowMillis, 1000L);
    judgeArrival(second);
    if (second > now + MAX_FUTURE_SECONDS) {
      future++;
      return;
    }
    if (!add(event, second, now)) {
      late++;
    }
  }

  /**
   * A stored event read to warm the windows and lookbacks after a start: counted where it
   * falls, and never as late (it is old by design).
   */
  public void warm(LogEvent event, long nowMillis) {
    long second = Math.floorDiv(event.time(), 1000L);
    long now = Math.floorDiv(nowMillis, 1000L);
    if (second <= now + MAX_FUTURE_SECONDS) {
      add(event, second, now);
    }
  }

  /**
   * Per period, whether an event of {@code second} comes after the ticks that count it. The
   * ticks whose window {@code [T - window, T)} holds the second are those from the first after
   * it to the last at most a window later; each is computed {@code settle} after its time.
   */
  private void judgeArrival(long second) {
    for (int p = 0; p < windowSeconds.length; p++) {
      long interval = intervalMillis[p];
      long firstTick = (Math.floorDiv((second + 1) * 1000 - 1, interval) + 1) * interval;
      if (firstTick <= computedThrough[p]) {
        afterTickFor[p]++;
        long lastTick = Math.floorDiv((second + windowSeconds[p]) * 1000, interval) * interval;
        if (lastTick <= computedThrough[p]) {
          lateFor[p]++;
        }
      }
    }
  }

  /**
   * Marks the ticks due before this engine ran ({@code settle} after their time, before
   * {@code nowMillis}) as computed: no live point will count their events, which therefore
   * arrive after their ticks (a backfill computes those from the store).
   */
  public void startedAt(long nowMillis) {
    for (int p = 0; p < computedThrough.length; p++) {
      long due = Math.floorDiv(nowMillis - settleMillis - 1, intervalMillis[p]) * intervalMillis[p];
      computedThrough[p] = Math.max(computedThrough[p], due);
    }
  }

  /** Adds an event to the lookbacks and, unless older than every window, to its second. */
  private boolean add(LogEvent event, long second, long now) {
    lookbacks.add(event, second, now);
    if (second < now - keepSeconds) {
      return false;
    }
    accepted++;
    GroupStats[] slot = buckets.at(second);
    for (int g = 0; g < slot.length; g++) {
      groups.get(g).add(event, slot[g], admissions.get(g));
    }
    return true;
  }

  /** The datapoints of a period's tick at {@code tickMillis}: the window that ends there. */
  public List<Datapoint> tick(PeriodConfig period, long tickMillis) {
    int p = indexOf(period.name());
    if (p >= 0) {
      computedThrough[p] = Math.max(computedThrough[p], tickMillis);
    }
    long end = Math.floorDiv(tickMillis, 1000L);
    long windowSeconds = period.window().toSeconds();
    GroupStats[] window = buckets.window(end - windowSeconds, end);
    List<Datapoint> points = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      GroupPlan plan = groups.get(g);
      points.add(plan.datapoint(period.name(), tickMillis, window[g], windowSeconds,
          lookbacks.of(g, end)));
    }
    return points;
  }

  public List<GroupPlan> groups() {
    return groups;
  }

  /** Events counted into buckets. */
  public long accepted() {
    return accepted;
  }

  /** Events older than every window, counted but not analyzed. */
  public long late() {
    return late;
  }

  /**
   * Events that came after every datapoint of {@code period} that should have counted them
   * had been computed; 0 for an unknown period.
   */
  public long lateFor(String period) {
    int p = indexOf(period);
    return p < 0 ? 0 : lateFor[p];
  }

  /**
   * Events that came after the first datapoint of {@code period} whose window holds them had
   * been computed (or was due before this engine ran): that point did not count them,
   * though its drill-down lists them; later points whose windows hold them did. Includes the
   * {@link #lateFor late} ones. 0 for an unknown period.
   */
  public long afterTickFor(String period) {
    int p = indexOf(period);
    return p < 0 ? 0 : afterTickFor[p];
  }

  private int indexOf(String period) {
    for (int p = 0; p < periods.size(); p++) {
      if (periods.get(p).name().equals(period)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Events whose per-try lists disagreed in length (an {@code $upstream_addr} of two servers
   * with one {@code $upstream_response_time}), counted by each analyzer that attributes tries.
   */
  public long mismatchedTries() {
    return admissions.stream().mapToLong(GroupPlan.Admissions::mismatchedTries).sum();
  }

  /** Events dated too far in the future (clock skew), counted but not analyzed. */
  public long future() {
    return future;
  }
}
