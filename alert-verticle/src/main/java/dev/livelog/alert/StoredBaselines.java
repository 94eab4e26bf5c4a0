package dev.livelog.alert;

import dev.livelog.analyzer.GroupPlan;
import dev.livelog.analyzer.StoredSeries;
import dev.livelog.common.bus.Datapoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baselines a day or a week back, computed from stored events as the live engine would have
 * computed that period's datapoints then ({@link StoredSeries#backfill}). Read ahead ten
 * minutes at a time per rule and kept until the rule's window has passed them; a span not
 * read yet has no baseline (the rule waits), and a failed read is tried again 30 s later.
 */
final class StoredBaselines implements Baselines {
  private static final Logger LOG = LoggerFactory.getLogger(StoredBaselines.class);
  static final long READ_AHEAD_MILLIS = 600_000;
  private static final long RETRY_MILLIS = 30_000;

  private final StoredSeries stored;
  private final Map<AlertRule, NavigableMap<Long, Datapoint>> points = new HashMap<>();
  private final Map<AlertRule, Long> readUpTo = new HashMap<>();
  private final Map<AlertRule, Long> failedAt = new HashMap<>();
  private final Set<AlertRule> reading = new HashSet<>();
  private final java.util.function.LongSupplier clock;

  StoredBaselines(StoredSeries stored, java.util.function.LongSupplier clock) {
    this.stored = stored;
    this.clock = clock;
  }

  @Override
  public Double mean(AlertRule rule, String series, long from, long to) {
    NavigableMap<Long, Datapoint> mine = points.computeIfAbsent(rule, r -> new TreeMap<>());
    long interval = rule.period.interval().toMillis();
    mine.headMap(from - interval, true).clear();
    long read = readUpTo.getOrDefault(rule, Long.MIN_VALUE);
    if (read < to) {
      read(rule, Math.max(from, read), to + READ_AHEAD_MILLIS);
      return null;
    }
    double sum = 0;
    int n = 0;
    for (Datapoint p : mine.subMap(from, false, to, true).values()) {
      Double v = p.values().get(series);
      if (v != null) {
        sum += v;
        n++;
      }
    }
    return n == 0 || n < (to - from) / interval / 2 ? null : sum / n;
  }

  private void read(AlertRule rule, long from, long to) {
    long now = clock.getAsLong();
    if (reading.contains(rule) || now - failedAt.getOrDefault(rule, Long.MIN_VALUE / 2) < RETRY_MILLIS) {
      return;
    }
    GroupPlan plan = stored.plan(rule.group);
    long interval = rule.period.interval().toMillis();
    long firstTick = Math.floorDiv(from, interval) * interval + interval;
    long lastTick = Math.floorDiv(to, interval) * interval;
    reading.add(rule);
    stored.backfill(rule.period, java.util.List.of(plan), firstTick, lastTick)
        .onComplete(done -> reading.remove(rule))
        .onSuccess(ticks -> {
          NavigableMap<Long, Datapoint> mine = points.computeIfAbsent(rule, r -> new TreeMap<>());
          ticks.forEach(tick -> tick.forEach(p -> mine.put(p.time(), p)));
          readUpTo.put(rule, lastTick);
        })
        .onFailure(e -> {
          failedAt.put(rule, now);
          LOG.warn("alert {}: the baseline a {} earlier was not read from the store: {}",
              rule.name, rule.change.against(), e.getMessage());
        });
  }
}
