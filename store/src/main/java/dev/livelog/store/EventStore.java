package dev.livelog.store;

import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import dev.livelog.store.query.QueryLimits;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/**
 * Where events, datapoints, checkpoints, dead letters and alert records are kept. Two implementations pass
 * the same contract tests: {@code MongoEventStore} (production, when {@code storage.mongo.uri}
 * is set) and {@code DuckDbEventStore} (embedded default, a file under the data directory).
 *
 * <p>Every method is asynchronous and may be called from any Vert.x context; results are
 * delivered on the caller's context.
 */
public interface EventStore {

  /** Connects, creates tables or collections and indexes. */
  Future<Void> open();

  /**
   * Makes filtering on these event fields fast, as the seed's {@code ensure_index} did for the
   * fields its queries used: MongoDB gets a {@code {fields.F: 1, time: 1}} index per field
   * (equality first, then the time range). DuckDB needs none: its columns keep min/max per row
   * group, which is how it skips data.
   */
  default Future<Void> indexFields(Collection<String> fields) {
    return Future.succeededFuture();
  }

  /**
   * Appends the events of the batches, idempotently: an event's identity is its source, file
   * identity and byte offset, so appending a batch again stores nothing twice. Batches of one
   * source may come in any order. When the future succeeds, the events are durably stored. An
   * event without an event time ({@link LogEvent#NO_TIME}) is stored with the time it was
   * stored, so that range queries and retention see it.
   *
   * @return how many events were not stored before
   */
  default Future<Integer> append(List<EventBatch> batches) {
    return appendEach(batches).map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
  }

  /**
   * Like {@link #append}, telling how many events of each batch were not stored before, in
   * batch order: a store acknowledgement reports them per batch. An event that occurs twice in
   * the list counts as new once, for the first batch holding it.
   */
  Future<List<Integer>> appendEach(List<EventBatch> batches);

  /** Number of stored events. */
  Future<Long> countEvents();

  /**
   * Stored events whose event time is in {@code [from, to)}, in time order, at most
   * {@code limit}; fields come back with their Java types (Long, Double, String, Boolean,
   * Instant, lists of those) and field names, absent ones as null. Instants keep at least
   * millisecond precision (MongoDB dates hold milliseconds).
   *
   * <p>Every query over stored events has a deadline: the store cancels it there and fails
   * with {@link dev.livelog.store.query.QueryRefused#timedOut}. Without one, it is
   * {@link QueryLimits#BACKGROUND_DEADLINE} away.
   */
  default Future<List<LogEvent>> events(long from, long to, int limit) {
    return events(from, to, limit, Deadline.after(QueryLimits.BACKGROUND_DEADLINE));
  }

  /** {@link #events(long, long, int)}, cancelled at the deadline. */
  Future<List<LogEvent>> events(long from, long to, int limit, Deadline deadline);

  /**
   * Like {@link #events}, with where each event came from: consecutive events of one source
   * file as one batch (its start and end are the first and last offsets). An analyzer uses it
   * to warm its windows, telling stored events from those it already counted.
   */
  default Future<List<EventBatch>> eventBatches(long from, long to, int limit) {
    return eventBatches(from, to, limit, Deadline.after(QueryLimits.BACKGROUND_DEADLINE));
  }

  /** {@link #eventBatches(long, long, int)}, cancelled at the deadline. */
  Future<List<EventBatch>> eventBatches(long from, long to, int limit, Deadline deadline);

  /**
   * A page of stored events, newest first, with their lines and the total that match: the
   * drill-down's {@code /api/events} ({@link EventsQuery}). Rows stored before lines were kept
   * come back without one. Cancelled at the deadline like every query over stored events.
   */
  Future<EventsPage> eventsPage(EventsQuery query, Deadline deadline);

  /**
   * Aggregates stored events in the store itself (SQL in DuckDB, an aggregation pipeline in
   * MongoDB): the series of {@code /api/query} beyond the live window, and backfill.
   */
  default Future<List<BucketStats>> aggregate(AggregateQuery query) {
    return aggregate(query, Deadline.after(QueryLimits.BACKGROUND_DEADLINE));
  }

  /** {@link #aggregate(AggregateQuery)}, cancelled at the deadline. */
  Future<List<BucketStats>> aggregate(AggregateQuery query, Deadline deadline);

  /**
   * Deletes events whose event time is before {@code before} (retention).
   *
   * @return how many events were deleted
   */
  Future<Long> expireEvents(long before);

  /** Stores datapoints; one per period, group and time (saving it again replaces it). */
  Future<Void> saveDatapoints(List<Datapoint> points);

  /** A period's datapoints with time in {@code [from, to)}, in time order. */
  Future<List<Datapoint>> datapoints(String period, long from, long to);

  /** One plot group's datapoints of a period with time in {@code [from, to)}, in time order. */
  Future<List<Datapoint>> datapoints(String period, String group, long from, long to);

  /** Deletes a period's datapoints older than {@code before} ({@link DatapointRetention}). */
  Future<Void> trimDatapoints(String period, long before);

  /** Saves a source's checkpoint, replacing the previous one. */
  Future<Void> saveCheckpoint(Checkpoint checkpoint);

  /** A source's last checkpoint, or null when it has none. */
  Future<Checkpoint> checkpoint(String sourceId);

  /** Saves what was notified of an alert, replacing its record (by fingerprint). */
  Future<Void> saveAlertRecord(AlertRecord record);

  /** Every alert record kept. */
  Future<List<AlertRecord>> alertRecords();

  /** Forgets an alert's record (nothing more to tell of it). */
  Future<Void> deleteAlertRecord(String fingerprint);

  /**
   * The checkpoints whose source id starts with {@code prefix}: those of the files a pattern
   * source follows, {@code <id>|<path>}.
   */
  Future<List<Checkpoint>> checkpoints(String prefix);

  /** Keeps dead letters for inspection; at most the newest {@code keep} are kept in all. */
  Future<Void> saveDeadLetters(List<DeadLetter> letters, int keep);

  /** The newest dead letters first, at most {@code limit}. */
  Future<List<DeadLetter>> deadLetters(int limit);

  /** Flushes and closes; pending appends complete first. */
  Future<Void> close();

  /** A short description for logs and health output, without secrets. */
  String describe();
}
