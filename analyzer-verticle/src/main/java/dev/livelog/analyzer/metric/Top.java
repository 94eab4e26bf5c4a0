package dev.livelog.analyzer.metric;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.where.Condition;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.store.query.AggregateQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code top} (default 10) most frequent values of the field with their counts, one
 * series per value, most frequent first ({@link TopValues}: bounded memory).
 */
public final class Top implements Metric {
  private static final String TOP = "top";
  private static final int DEFAULT = 10;

  private final int top;

  public Top() {
    this(DEFAULT);
  }

  private Top(int top) {
    this.top = top;
  }

  @Override
  public String name() {
    return "top";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  public boolean needsLabel() {
    return false;
  }

  @Override
  public Set<String> parameters() {
    return Set.of(TOP);
  }

  @Override
  public Metric configured(AnalyzerConfig analyzer, MetricParameters parameters) {
    if (analyzer.by() != null) {
      throw new ConfigException("by", "a top metric makes one series per frequent value of its"
          + " field; it cannot also be split by another field");
    }
    return new Top(parameters.wholeNumber(TOP, DEFAULT, 1, 1000));
  }

  @Override
  public Accumulator newAccumulator() {
    return new TopValues(capacity());
  }

  /** Its series are the values found, none known before. */
  @Override
  public List<String> seriesNames(String base) {
    return List.of();
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    ((TopValues) accumulator).top(top).forEach(e -> out.put(e.getKey(), (double) e.getValue()));
  }

  /** A series is a value of the field: its events are those with that value. */
  @Override
  public Optional<SeriesEvents> eventsOf(String series, String field) {
    return Optional.of(new SeriesEvents(null, new Filter(
        List.of(new FieldCondition(field, new Condition.Equals(series))), false)));
  }

  /** The store counts the field's values and keeps a sketch's worth per bucket. */
  @Override
  public AggregateQuery storeQuery(AggregateQuery plain, String field) {
    return plain.groupedBy(field).withTopKeys(capacity());
  }

  /** A sketch keeps ten times the values shown, so the top ones are counted exactly. */
  private int capacity() {
    return top * 10;
  }
}
