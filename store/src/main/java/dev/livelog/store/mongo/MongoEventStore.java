package dev.livelog.store.mongo;

import com.mongodb.ConnectionString;
import dev.livelog.common.bus.AlertRecord;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.LogEvent;
import dev.livelog.store.EventStore;
import dev.livelog.store.query.AggregateQuery;
import dev.livelog.store.query.BucketStats;
import dev.livelog.store.query.Deadline;
import dev.livelog.store.query.EventCursor;
import dev.livelog.store.query.EventsPage;
import dev.livelog.store.query.EventsQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The production store: MongoDB through the Vert.x Mongo client. Events are inserted in
 * unordered bulks with idempotent ids; retention is a periodic delete by time, which works on
 * every MongoDB and on in-process test servers that ignore TTL indexes.
 */
public final class MongoEventStore implements EventStore {
  static final String EVENTS = "events";
  static final String DATAPOINTS = "datapoints";
  static final String CHECKPOINTS = "checkpoints";
  static final String DEAD_LETTERS = "deadletters";
  static final String ALERT_RECORDS = "alertrecords";

  private final Vertx vertx;
  private final String uri;
  private final String database;
  private final EventDocuments documents = new EventDocuments();
  private MongoClient client;

  /** The URI may hold credentials: it is used to connect and never shown. */
  public MongoEventStore(Vertx vertx, String uri, String database) {
    this.vertx = vertx;
    this.uri = uri;
    this.database = database;
  }

  @Override
  public Future<Void> open() {
    client = MongoClient.create(vertx,
        new JsonObject().put("connection_string", uri).put("db_name", database));
    return client.createIndex(EVENTS, new JsonObject().put("time", 1))
        .compose(v -> client.createIndexWithOptions(DATAPOINTS,
            new JsonObject().put("period", 1).put("group", 1).put("time", 1),
            new IndexOptions().unique(true)))
        .compose(v -> client.createIndex(DEAD_LETTERS,
            new JsonObject().put("receivedAt", -1).put("_id", -1)))
        .recover(e -> close().transform(closed -> Future.failedFuture(new IllegalStateException(
            "cannot open the MongoDB store " + describe() + ": " + e.getMessage(), e))));
  }

  @Override
  public Future<Void> indexFields(Collection<String> fields) {
    Future<Void> chain = Future.succeededFuture();
    for (String field : fields) {
      chain = chain.compose(v -> client.createIndex(EVENTS,
          new JsonObject().put(MongoFilters.path(field), 1).put("time", 1)));
    }
    return chain;
  }

  @Override
  public Future<List<Integer>> appendEach(List<EventBatch> batches) {
    long now = System.currentTimeMillis();
    int[] sizes = new int[batches.size()];
    List<BulkOperation> inserts = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      EventBatch batch = batches.get(b);
      sizes[b] = batch.events().size();
      for (LogEvent event : batch.events()) {
        inserts.add(BulkOperation.createInsert(
            EventDocuments.toDocument(batch.origin(), event, now)));
      }
    }
    if (inserts.isEmpty()) {
      return Future.succeededFuture(InsertedCounts.all(sizes));
    }
    return client.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions(false))
        .map(result -> InsertedCounts.all(sizes))
        .recover(e -> InsertedCounts.afterFailure(sizes, e)
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(e)));
  }

  @Override
  public Future<Long> countEvents() {
    return client.count(EVENTS, new JsonObject());
  }

  @Override
  public Future<List<LogEvent>> events(long from, long to, int limit, Deadline deadline) {
    return findEvents(from, to, limit, new JsonObject(), deadline)
        .map(found -> found.stream().map(documents::toEvent).toList());
  }

  @Override
  public Future<List<EventBatch>> eventBatches(long from, long to, int limit, Deadline deadline) {
    JsonObject originFields = new JsonObject().put("file", 1).put("host", 1).put("path", 1);
    return findEvents(from, to, limit, originFields, deadline).map(found -> {
      List<EventBatch> batches = new ArrayList<>();
      List<LogEvent> current = new ArrayList<>();
      SourceOrigin origin = null;
      for (JsonObject doc : found) {
        SourceOrigin o = new SourceOrigin(doc.getString("source"), doc.getString("host"),
            doc.getString("path"), doc.getString("file"));
        if (origin != null && !origin.equals(o)) {
          batches.add(EventBatch.ofStored(origin, current));
          current = new ArrayList<>();
        }
        origin = o;
        current.add(documents.toEvent(doc));
      }
      if (!current.isEmpty()) {
        batches.add(EventBatch.ofStored(origin, current));
      }
      return batches;
    });
  }

  /**
   * Events in {@code [from, to)} in time order: what an event is read from, and {@code more}.
   * A pipeline rather than a find, because the Vert.x client's find has no {@code maxTimeMS}.
   */
  private Future<List<JsonObject>> findEvents(long from, long to, int limit, JsonObject more,
      Deadline deadline) {
    JsonArray pipeline = new JsonArray()
        .add(new JsonObject().put("$match", timeRange(from, to)))
        .add(new JsonObject().put("$sort",
            new JsonObject().put("time", 1).put("source", 1).put("file", 1).put("offset", 1)))
        .add(new JsonObject().put("$limit", limit))
        .add(new JsonObject().put("$project", new JsonObject().put("source", 1).put("offset", 1)
            .put("time", 1).put("fields", 1).mergeIn(more)));
    return MongoPipeline.run(vertx, client, EVENTS, pipeline, deadline);
  }

  @Override
  public Future<EventsPage> eventsPage(EventsQuery query, Deadline deadline) {
    JsonArray match = new JsonArray().add(timeRange(query.from(), query.to()));
    query.filters().stream().filter(f -> !f.isEmpty()).forEach(f -> match.add(MongoFilters.of(f)));
    JsonArray page = new JsonArray()
        .add(new JsonObject().put("$match", new JsonObject().put("$and",
            query.after() == null ? match : match.copy().add(after(query.after())))))
        .add(new JsonObject().put("$sort", new JsonObject()
            .put("time", -1).put("source", -1).put("file", -1).put("offset", -1)))
        .add(new JsonObject().put("$limit", query.limit() + 1))
        .add(new JsonObject().put("$project", new JsonObject().put("source", 1).put("offset", 1)
            .put("time", 1).put("fields", 1).put("file", 1).put("host", 1).put("path", 1)
            .put("line", 1)));
    JsonArray count = new JsonArray()
        .add(new JsonObject().put("$match", new JsonObject().put("$and", match)))
        .add(new JsonObject().put("$group", new JsonObject().put("_id", (Object) null)
            .put("n", new JsonObject().put("$sum", 1))));
    // Neither waits for the other: the page and the count run at once.
    Future<List<JsonObject>> rows = MongoPipeline.run(vertx, client, EVENTS, page, deadline);
    Future<List<JsonObject>> total = MongoPipeline.run(vertx, client, EVENTS, count, deadline);
    return Future.all(rows, total).map(both -> EventsPage.of(
        rows.result().stream().map(d -> new EventsPage.Stored(documents.toEvent(d), d.getString("file"),
            d.getString("host"), d.getString("path"))).toList(),
        query.limit(), total.result().isEmpty() ? 0 : ((Number) total.result().get(0).getValue("n")).longValue()));
  }

  /** After a cursor in the newest-first order: an earlier time, or the same and a lower identity. */
  private static JsonObject after(EventCursor c) {
    JsonObject time = MongoValues.date(c.time());
    return new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("time", new JsonObject().put("$lt", time)))
        .add(new JsonObject().put("time", time).put("source", new JsonObject().put("$lt", c.source())))
        .add(new JsonObject().put("time", time).put("source", c.source())
            .put("file", new JsonObject().put("$lt", c.fileId())))
        .add(new JsonObject().put("time", time).put("source", c.source()).put("file", c.fileId())
            .put("offset", new JsonObject().put("$lt", c.offset()))));
  }

  @Override
  public Future<List<BucketStats>> aggregate(AggregateQuery query, Deadline deadline) {
    return new MongoAggregates(vertx, client).run(query, deadline);
  }

  @Override
  public Future<Long> expireEvents(long before) {
    return client.removeDocuments(EVENTS, before(before))
        .map(result -> result == null ? 0L : result.getRemovedCount());
  }

  @Override
  public Future<Void> saveDatapoints(List<Datapoint> points) {
    if (points.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> replaces = points.stream()
        .map(p -> BulkOperation.createReplace(new JsonObject().put("_id",
            DatapointDocuments.id(p)), DatapointDocuments.toDocument(p), true))
        .toList();
    return client.bulkWrite(DATAPOINTS, replaces).mapEmpty();
  }

  @Override
  public Future<List<Datapoint>> datapoints(String period, long from, long to) {
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("time", 1).put("group", 1));
    return client.findWithOptions(DATAPOINTS, timeRange(from, to).put("period", period), options)
        .map(found -> found.stream().map(DatapointDocuments::toDatapoint).toList());
  }

  @Override
  public Future<List<Datapoint>> datapoints(String period, String group, long from, long to) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("time", 1));
    return client.findWithOptions(DATAPOINTS,
            timeRange(from, to).put("period", period).put("group", group), options)
        .map(found -> found.stream().map(DatapointDocuments::toDatapoint).toList());
  }

  @Override
  public Future<Void> trimDatapoints(String period, long before) {
    return client.removeDocuments(DATAPOINTS, before(before).put("period", period)).mapEmpty();
  }

  @Override
  public Future<Void> saveCheckpoint(Checkpoint checkpoint) {
    JsonObject document = checkpoint.toJson().put("_id", checkpoint.sourceId());
    return client.save(CHECKPOINTS, document).mapEmpty();
  }

  @Override
  public Future<Checkpoint> checkpoint(String sourceId) {
    return client.findOne(CHECKPOINTS, new JsonObject().put("_id", sourceId), null)
        .map(found -> found == null ? null : Checkpoint.fromJson(found));
  }

  @Override
  public Future<Void> saveAlertRecord(AlertRecord record) {
    return client.save(ALERT_RECORDS, record.toJson().put("_id", record.fingerprint())).mapEmpty();
  }

  @Override
  public Future<List<AlertRecord>> alertRecords() {
    return client.find(ALERT_RECORDS, new JsonObject())
        .map(found -> found.stream().map(AlertRecord::fromJson).toList());
  }

  @Override
  public Future<Void> deleteAlertRecord(String fingerprint) {
    return client.removeDocument(ALERT_RECORDS, new JsonObject().put("_id", fingerprint)).mapEmpty();
  }

  @Override
  public Future<List<Checkpoint>> checkpoints(String prefix) {
    JsonObject query = new JsonObject().put("_id", new JsonObject()
        .put("$regex", "^" + java.util.regex.Pattern.quote(prefix)));
    return client.find(CHECKPOINTS, query)
        .map(found -> found.stream().map(Checkpoint::fromJson)
            .sorted(java.util.Comparator.comparing(Checkpoint::sourceId)).toList());
  }

  @Override
  public Future<Void> saveDeadLetters(List<DeadLetter> letters, int keep) {
    if (letters.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> inserts = letters.stream()
        .map(letter -> BulkOperation.createInsert(letter.toJson()))
        .toList();
    return client.bulkWrite(DEAD_LETTERS, inserts).compose(v -> trimDeadLetters(keep));
  }

  /** Deletes every letter older than the {@code keep}-th newest. */
  private Future<Void> trimDeadLetters(int keep) {
    FindOptions oldestKept = new FindOptions().setSort(newestFirst()).setSkip(keep).setLimit(1)
        .setFields(new JsonObject().put("receivedAt", 1));
    return client.findWithOptions(DEAD_LETTERS, new JsonObject(), oldestKept).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      JsonObject first = found.get(0);
      JsonObject older = new JsonObject().put("$or", new JsonArray()
          .add(new JsonObject().put("receivedAt",
              new JsonObject().put("$lt", first.getLong("receivedAt"))))
          .add(new JsonObject().put("receivedAt", first.getLong("receivedAt"))
              .put("_id", new JsonObject().put("$lte", first.getString("_id")))));
      return client.removeDocuments(DEAD_LETTERS, older).mapEmpty();
    });
  }

  @Override
  public Future<List<DeadLetter>> deadLetters(int limit) {
    FindOptions options = new FindOptions().setSort(newestFirst()).setLimit(limit);
    return client.findWithOptions(DEAD_LETTERS, new JsonObject(), options)
        .map(found -> found.stream().map(DeadLetter::fromJson).toList());
  }

  @Override
  public Future<Void> close() {
    MongoClient open = client;
    client = null;
    return open == null ? Future.succeededFuture() : open.close();
  }

  /** Hosts and database only: the URI's credentials and options stay out of logs. */
  @Override
  public String describe() {
    try {
      return "MongoDB " + String.join(",", new ConnectionString(uri).getHosts()) + "/" + database;
    } catch (IllegalArgumentException unparsable) {
      return "MongoDB (unparsable URI)/" + database;
    }
  }

  /** Newest first; ids made by one client grow with time, so they order equal times. */
  private static JsonObject newestFirst() {
    return new JsonObject().put("receivedAt", -1).put("_id", -1);
  }

  private static JsonObject timeRange(long from, long to) {
    return new JsonObject().put("time",
        new JsonObject().put("$gte", MongoValues.date(from)).put("$lt", MongoValues.date(to)));
  }

  private static JsonObject before(long before) {
    return new JsonObject().put("time", new JsonObject().put("$lt", MongoValues.date(before)));
  }
}
