package dev.livelog.app;

import dev.livelog.analyzer.PublishedSeries;
import dev.livelog.common.bus.Datapoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every plot-group series this node's analyzer publishes, as a Prometheus gauge
 * {@code livelog_series{group, series, period}} holding its latest value (NaN without one), so
 * Grafana and Alertmanager setups can use livelog's numbers. Only the node that publishes a
 * group exports it (in a cluster, the lease holder): a series gone from its group's datapoints,
 * or a group whose lease moved, leaves {@code /metrics}. A group's series are bounded by its
 * analyzers ({@code max_series}); past {@link #MAX_GAUGES} on one node, new ones are counted in
 * {@code livelog_series_unexported} instead.
 */
final class SeriesGauges implements PublishedSeries {
  static final int MAX_GAUGES = 10_000;
  static final String NAME = "livelog_series";

  private record Key(String period, String group, String series) {}

  /** A gauge's latest value (its bits: a double read from another thread while set). */
  private static final class Value {
    final AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
    Gauge gauge;

    double get() {
      return Double.longBitsToDouble(bits.get());
    }
  }

  private final MeterRegistry registry;
  private final Map<Key, Value> gauges = new ConcurrentHashMap<>();
  /** The time of the newest datapoint exported per period and group (older ones are backfill). */
  private final Map<String, Long> newest = new ConcurrentHashMap<>();
  /** Per period and group, the series of its latest datapoint past the cap. */
  private final Map<String, Integer> unexported = new ConcurrentHashMap<>();

  SeriesGauges(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("livelog_series_unexported", unexported,
            u -> u.values().stream().mapToInt(Integer::intValue).sum())
        .description("series of the latest datapoints not exported as livelog_series gauges:"
            + " this node already had " + MAX_GAUGES).register(registry);
  }

  @Override
  public void published(Datapoint point) {
    String group = point.period() + "\u0000" + point.group();
    Long before = newest.get(group);
    if (before != null && before > point.time()) {
      return;
    }
    newest.put(group, point.time());
    int skipped = 0;
    for (Map.Entry<String, Double> e : point.values().entrySet()) {
      skipped += set(new Key(point.period(), point.group(), e.getKey()), e.getValue()) ? 0 : 1;
    }
    unexported.put(group, skipped);
    gauges.keySet().removeIf(key -> key.period().equals(point.period()) && key.group().equals(point.group())
        && !point.values().containsKey(key.series()) && remove(key));
  }

  @Override
  public void released(String period, String group) {
    newest.remove(period + "\u0000" + group);
    unexported.remove(period + "\u0000" + group);
    gauges.keySet().removeIf(key -> key.period().equals(period) && key.group().equals(group) && remove(key));
  }

  /** Sets a series' gauge, registering it if new; false when past the cap. */
  private boolean set(Key key, Double value) {
    Value v = gauges.get(key);
    if (v == null) {
      if (gauges.size() >= MAX_GAUGES) {
        return false;
      }
      v = new Value();
      Value gauge = v;
      v.gauge = Gauge.builder(NAME, gauge, Value::get)
          .description("the latest value of a plot group's series at a period, as the dashboard shows it")
          .tag("group", key.group()).tag("series", key.series()).tag("period", key.period())
          .strongReference(true).register(registry);
      gauges.put(key, v);
    }
    v.bits.set(Double.doubleToRawLongBits(value == null ? Double.NaN : value));
    return true;
  }

  /** Removes a gauge from the registry; true, so that it can go from the map in the same pass. */
  private boolean remove(Key key) {
    Value v = gauges.get(key);
    if (v != null && v.gauge != null) {
      registry.remove(v.gauge);
    }
    return true;
  }
}
