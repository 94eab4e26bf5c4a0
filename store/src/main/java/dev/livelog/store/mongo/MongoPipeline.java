package dev.livelog.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import dev.livelog.store.query.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.AggregateOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an aggregation pipeline with a deadline: the server gets it as {@code maxTimeMS} and
 * stops there (error 50), and stages may spill to disk ({@code allowDiskUse}) rather than fail
 * at MongoDB's 100 MB per stage. A server that ignores {@code maxTimeMS} still gets its answer
 * cut at the deadline here.
 */
final class MongoPipeline {
  private static final int MAX_TIME_EXPIRED = 50;

  private MongoPipeline() {}

  static Future<List<JsonObject>> run(Vertx vertx, MongoClient client, String collection,
      JsonArray pipeline, Deadline deadline) {
    if (deadline.passed()) {
      return Future.failedFuture(deadline.exceeded());
    }
    AggregateOptions options = new AggregateOptions()
        .setAllowDiskUse(true)
        .setMaxTime(Math.max(1, deadline.remainingMillis()))
        .setBatchSize(1_000);
    Promise<List<JsonObject>> done = Promise.promise();
    List<JsonObject> rows = new ArrayList<>();
    long timer = vertx.setTimer(Math.max(1, deadline.remainingMillis()),
        id -> done.tryFail(deadline.exceeded()));
    // Handlers for the end and errors go on before the row handler, which starts the stream.
    ReadStream<JsonObject> stream = client.aggregateWithOptions(collection, pipeline, options);
    stream.exceptionHandler(e -> done.tryFail(timedOut(e) ? deadline.exceeded() : e))
        .endHandler(v -> done.tryComplete(rows))
        .handler(row -> {
          if (!done.future().isComplete()) {
            rows.add(row);
          }
        });
    return done.future().onComplete(v -> vertx.cancelTimer(timer));
  }

  /** MongoDB's MaxTimeMSExpired (50), however the client wraps it. */
  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoExecutionTimeoutException
          || (t instanceof MongoException m && m.getCode() == MAX_TIME_EXPIRED)) {
        return true;
      }
    }
    return false;
  }
}
