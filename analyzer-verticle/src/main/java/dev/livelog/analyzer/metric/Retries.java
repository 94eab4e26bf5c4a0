package dev.livelog.analyzer.metric;

import dev.livelog.common.where.Condition;
import dev.livelog.common.where.FieldCondition;
import dev.livelog.common.where.Filter;
import dev.livelog.store.query.AggregateQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests retried at another upstream server: those whose field (nginx's
 * {@code $upstream_addr}, or any variable written once per try) lists more than one try. With
 * {@code by} on a per-try field, each try of a retried request counts for its own series, so
 * each upstream counts the retried requests that tried it.
 */
public final class Retries implements Metric {
  @Override
  public String name() {
    return "retries";
  }

  @Override
  public boolean needsField() {
    return true;
  }

  @Override
  public Accumulator newAccumulator() {
    return new RetriedRequests();
  }

  @Override
  public List<String> seriesNames(String base) {
    return List.of(base);
  }

  @Override
  public void emit(String base, Accumulator accumulator, Window window, Map<String, Double> out) {
    out.put(base, (double) ((RetriedRequests) accumulator).count());
  }

  /** A series' events are its retried requests: those whose field lists more than one try. */
  @Override
  public Optional<SeriesEvents> eventsOf(String series, String field) {
    return Metric.super.eventsOf(series, field).map(found -> new SeriesEvents(found.base(),
        new Filter(List.of(new FieldCondition(field, new Condition.AtLeastTries(2))), false)));
  }

  /** The store counts how many requests listed each number of tries. */
  @Override
  public AggregateQuery storeQuery(AggregateQuery plain, String field) {
    return plain.measuringTries(field).withValueCounts();
  }
}
