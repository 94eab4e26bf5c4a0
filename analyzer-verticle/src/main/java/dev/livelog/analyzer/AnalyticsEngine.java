package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.event.LogEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The live analytics: events go into per-second buckets by their own time; at each tick of a
 * period, every plot group's window (the seed's {@code interval + 5 s}) is merged from those
 * buckets into one datapoint. An event late by less than the longest window still counts in
 * every window that covers its second; an older one is counted as late, not silently lost.
 * Per period, an event older than that period's window (missed by every datapoint of it,
 * though a longer period still counts it) is counted as late for that period.
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
  private final long[] lateFor;
  private long accepted;
  private long late;
  private long future;

  public AnalyticsEngine(List<GroupPlan> groups, List<PeriodConfig> periods) {
    this.groups = groups;
    this.admissions = groups.stream().map(GroupPlan::newAdmissions).toList();
    this.periods = List.copyOf(periods);
    this.windowSeconds = periods.stream().mapToLong(p -> p.window().toSeconds()).toArray();
    this.lateFor = new long[periods.size()];
    long longestWindow = periods.stream().mapToLong(p -> p.window().toSeconds()).max().orElse(10);
    this.keepSeconds = longestWindow + 5;
    this.buckets = new SecondBuckets(groups, (int) (keepSeconds + MAX_FUTURE_SECONDS + 5));
    this.lookbacks = new LookbackBuckets(groups, MAX_FUTURE_SECONDS);
  }

  /** How far back events count: the longest window, or the longest lookback of a metric. */
  public long longestSpanSeconds() {
    return Math.max(keepSeconds, lookbacks.keepSeconds());
  }

  public void accept(LogEvent event, long nowMillis) {
    long second = Math.floorDiv(event.time(), 1000L);
    long now = Math.floorDiv(nowMillis, 1000L);
    for (int p = 0; p < windowSeconds.length; p++) {
      if (second < now - windowSeconds[p]) {
        lateFor[p]++;
      }
    }
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
   * (older than its window when they arrived); 0 for an unknown period.
   */
  public long lateFor(String period) {
    for (int p = 0; p < periods.size(); p++) {
      if (periods.get(p).name().equals(period)) {
        return lateFor[p];
      }
    }
    return 0;
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
