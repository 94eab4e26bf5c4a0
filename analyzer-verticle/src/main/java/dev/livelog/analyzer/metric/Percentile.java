package dev.livelog.analyzer.metric;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.store.query.AggregateQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values at the analyzer's {@code percentiles} (default 50, 90, 99) of the field, within
 * 1% (HdrHistogram); one series per percentile, named {@code <base> p50} (or {@code p50}).
 */
public final class Percentile implements Metric {
  private static final String PERCENTILES = "percentiles";
  private static final List<Double> DEFAULT = List.of(50.0, 90.0, 99.0);

  private final List<Double> percentiles;

  public Percentile() {
    this(DEFAULT);
  }

  private Percentile(List<Double> percentiles) {
    this.percentiles = List.copyOf(percentiles);
  }

  @Override
  public String name() {
    return "percentile";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  public Set<String> parameters() {
    return Set.of(PERCENTILES);
  }

  @Override
  public Metric configured(AnalyzerConfig analyzer, MetricParameters parameters) {
    return new Percentile(parameters.numbers(PERCENTILES, DEFAULT,
        p -> p > 0 && p <= 100, "each must be above 0 and at most 100"));
  }

  @Override
  public Accumulator newAccumulator() {
    return new ValueHistogram();
  }

  @Override
  public List<String> seriesNames(String base) {
    List<String> names = new ArrayList<>(percentiles.size());
    percentiles.forEach(p -> names.add(seriesName(base, p)));
    return names;
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    ValueHistogram histogram = (ValueHistogram) accumulator;
    for (double p : percentiles) {
      out.put(seriesName(base, p), histogram.percentile(p));
    }
  }

  /** The store counts each value (rounded to three significant digits) for the histogram. */
  @Override
  public AggregateQuery storeQuery(AggregateQuery plain, String field) {
    return plain.measuring(field).withValueCounts();
  }

  private static String seriesName(String base, double percentile) {
    String p = "p" + (percentile == Math.rint(percentile)
        ? Long.toString((long) percentile) : String.valueOf(percentile));
    return base == null ? p : base + " " + p;
  }
}
