package dev.livelog.bench.chaos;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.TimeUnit;

/**
 * What the store holds, read over the MongoDB wire protocol as any client would: how many rows
 * carry each sequence number, the rows that carry none (a line read from the wrong place), and
 * the dead letters (lines that did not parse).
 */
record StoredLines(int[] copies, long rows, long corrupt, long deadLetters) {

  /** Reads every stored row; sequence numbers at or above {@code written} were never written. */
  static StoredLines read(String uri, int written) throws Exception {
    Vertx vertx = Vertx.vertx();
    MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", uri)
        .put("db_name", ChaosRun.DATABASE));
    try {
      int[] copies = new int[written];
      long[] rowsAndCorrupt = new long[2];
      Promise<Void> done = Promise.promise();
      ReadStream<JsonObject> rows = client.findBatchWithOptions("events", new JsonObject(),
          new FindOptions().setBatchSize(5_000).setFields(new JsonObject()
              .put("fields.seq", 1).put("fields.check", 1)));
      rows.exceptionHandler(done::tryFail).endHandler(v -> done.tryComplete()).handler(row -> {
        rowsAndCorrupt[0]++;
        JsonObject fields = row.getJsonObject("fields", new JsonObject());
        Number seq = (Number) fields.getValue("seq");
        Number check = (Number) fields.getValue("check");
        if (seq == null || check == null || seq.longValue() != check.longValue()
            || seq.longValue() < 0 || seq.longValue() >= written) {
          rowsAndCorrupt[1]++;
        } else {
          copies[seq.intValue()]++;
        }
      });
      done.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
      long deadLetters = client.count("deadletters", new JsonObject())
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
      return new StoredLines(copies, rowsAndCorrupt[0], rowsAndCorrupt[1], deadLetters);
    } finally {
      client.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
