package dev.livelog.app.plugin;

import dev.livelog.analyzer.metric.Accumulator;
import dev.livelog.analyzer.metric.Metric;
import dev.livelog.analyzer.metric.MetricParameters;
import dev.livelog.analyzer.metric.Window;
import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metric that only tests register (src/test/resources/META-INF/services), written as a
 * plugin would be, with nothing but livelog's public metric contract: the percent of events
 * with a numeric {@code field} whose value is above {@code threshold} (default 1), e.g. the
 * share of slow upstream responses. It has its own accumulator and parameter, and asks the
 * store for value counts to compute the same from stored events.
 */
public final class ShareAbove implements Metric {
  private static final String THRESHOLD = "threshold";
  private final double threshold;

  public ShareAbove() {
    this(1);
  }

  private ShareAbove(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "share_above";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  public Set<String> parameters() {
    return Set.of(THRESHOLD);
  }

  @Override
  public Metric configured(AnalyzerConfig analyzer, MetricParameters parameters) {
    return new ShareAbove(parameters.number(THRESHOLD, 1));
  }

  @Override
  public Accumulator newAccumulator() {
    return new Counts(threshold);
  }

  @Override
  public List<String> seriesNames(String base) {
    return List.of(base);
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    Counts c = (Counts) accumulator;
    out.put(base, c.measured == 0 ? null : 100.0 * c.above / c.measured);
  }

  @Override
  public AggregateQuery storeQuery(AggregateQuery plain, String field) {
    return plain.measuring(field).withValueCounts();
  }

  /** Events with a value, and those above the threshold. */
  private static final class Counts implements Accumulator {
    private final double threshold;
    private long measured;
    private long above;

    Counts(double threshold) {
      this.threshold = threshold;
    }

    @Override
    public void add(LogEvent event, FieldRef field) {
      count(field.number(event), 1);
    }

    @Override
    public void absorb(BucketStats row) {
      row.valueCounts().forEach(this::count);
    }

    @Override
    public void merge(Accumulator other) {
      measured += ((Counts) other).measured;
      above += ((Counts) other).above;
    }

    @Override
    public Accumulator empty() {
      return new Counts(threshold);
    }

    private void count(double value, long times) {
      if (!Double.isNaN(value)) {
        measured += times;
        above += value > threshold ? times : 0;
      }
    }
  }
}
