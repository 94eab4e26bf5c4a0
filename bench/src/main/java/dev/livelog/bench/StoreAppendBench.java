package dev.livelog.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.store.EventStore;
import dev.livelog.store.duckdb.DuckDbEventStore;
import dev.livelog.store.mongo.MongoEventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Store append throughput with idempotence on (three rounds, each side on a new file, best of
 * each): the embedded DuckDB store against the raw DuckDB Appender into the same typed columns
 * (no idempotence: the ceiling); a replay of a quarter of the batches, with the rows stored
 * twice counted from the store's file; and the MongoDB store over TCP against an in-process
 * wire-protocol server (a correctness server, far slower than MongoDB: its figure says little
 * about MongoDB itself).
 *
 * <p>usage: java -cp bench/target/benchmarks.jar dev.livelog.bench.StoreAppendBench [events]
 */
public final class StoreAppendBench {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<EventBatch> batches = batches(events);
    Vertx vertx = Vertx.vertx();
    try {
      // Alternating rounds, each side on a new file, the best of each kept: whichever runs
      // first would otherwise pay the JIT's warm-up for both.
      double raw = 0;
      double livelog = 0;
      double replay = 0;
      StoredEvents.Counts stored = null;
      for (int round = 0; round < 3; round++) {
        Path dir = Files.createTempDirectory("livelog-bench-store");
        try {
          raw = Math.max(raw, rawAppender(dir.resolve("raw.duckdb"), batches));
          EventStore duck = DuckDbEventStore.inDirectory(vertx, dir);
          await(duck.open());
          livelog = Math.max(livelog, appendAll(duck, batches));
          replay = Math.max(replay, appendAll(duck, batches.subList(0, batches.size() / 4)));
          await(duck.close());
          stored = StoredEvents.read(dir);
        } finally {
          deleteTree(dir);
        }
        System.err.printf("round %d: raw %,.0f, store %,.0f events/s%n", round + 1, raw, livelog);
      }
      long appended = (long) batches.size() * BATCH;
      System.out.printf("duckdb raw appender (peer):        %,10.0f events/s%n", raw);
      System.out.printf("duckdb store, idempotent:          %,10.0f events/s  (%.2fx the raw appender)%n",
          livelog, livelog / raw);
      System.out.printf("duckdb store, replayed batches:    %,10.0f events/s  (after replaying a quarter,"
          + " counted from the store: %,d rows, %,d distinct of %,d events appended, %,d lost, %,d twice)%n",
          replay, stored.rows(), stored.distinct(), appended, appended - stored.distinct(), stored.twice());

      MongoServer server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      int mongoEvents = Math.min(events, 100_000);
      List<EventBatch> mongoBatches = batches.subList(0, mongoEvents / BATCH);
      EventStore mongo = new MongoEventStore(vertx,
          "mongodb://127.0.0.1:" + address.getPort(), "bench");
      await(mongo.open());
      double mongoRate = appendAll(mongo, mongoBatches);
      await(mongo.close());
      server.shutdown();
      System.out.printf("mongodb store over TCP (in-process wire-protocol server, %,d events): %,.0f events/s"
          + "  (%.2fx the duckdb store)%n", mongoEvents, mongoRate, mongoRate / livelog);
    } finally {
      vertx.close().await();
    }
  }

  public static List<EventBatch> batches(int events) throws Exception {
    LineParser parser = Formats.compile(Formats.builtins().find("combined").orElseThrow().config());
    List<String> lines = SampleLines.combined(10_000);
    List<EventBatch> batches = new ArrayList<>();
    long offset = 0;
    for (int b = 0; b < events / BATCH; b++) {
      SourceOrigin origin = new SourceOrigin("web-" + (b % 4), "host", "/var/log/access.log", "803-" + (b % 4));
      List<LogEvent> batch = new ArrayList<>(BATCH);
      long start = offset;
      for (int i = 0; i < BATCH; i++) {
        String line = lines.get((b * BATCH + i) % lines.size());
        batch.add(parser.parse(line, origin.sourceId(), offset));
        offset += line.length() + 1;
      }
      batches.add(new EventBatch(origin, start, offset, BATCH, batch));
    }
    return batches;
  }

  private static double appendAll(EventStore store, List<EventBatch> batches) throws Exception {
    int warm = Math.max(1, batches.size() / 20);
    for (int i = 0; i < warm; i++) {
      await(store.append(List.of(batches.get(i))));
    }
    long started = System.nanoTime();
    long n = 0;
    for (int i = warm; i < batches.size(); i += 5) {
      List<EventBatch> chunk = batches.subList(i, Math.min(batches.size(), i + 5));
      await(store.append(chunk));
      n += chunk.stream().mapToLong(b -> b.events().size()).sum();
    }
    return n / ((System.nanoTime() - started) / 1e9);
  }

  /**
   * The peer: DuckDB's Appender into a table of the same typed columns the store writes (one
   * per field, by its value's type), in the same chunks of five batches with a flush each, warmed
   * on the same first 5% of the batches; without idempotence (no stored ranges, no append
   * sequence), which is what the store adds. It writes what the store writes: the line too, and
   * times as timestamps (not as text, which cost it a string per event).
   */
  private static double rawAppender(Path file, List<EventBatch> batches) throws Exception {
    LogEvent first = batches.get(0).events().get(0);
    int fields = first.schema().size();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE events (source VARCHAR, file_id VARCHAR,"
          + " \"offset\" BIGINT, time TIMESTAMP_MS, host VARCHAR, path VARCHAR, line VARCHAR");
      for (int i = 0; i < fields; i++) {
        ddl.append(", f").append(i).append(' ').append(sqlType(first.value(i)));
      }
      try (Statement s = c.createStatement()) {
        s.execute(ddl.append(')').toString());
      }
      try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("main", "events")) {
        int warm = Math.max(1, batches.size() / 20);
        for (int i = 0; i < warm; i++) {
          appendRaw(a, batches.subList(i, i + 1), fields);
        }
        long started = System.nanoTime();
        long n = 0;
        for (int i = warm; i < batches.size(); i += 5) {
          n += appendRaw(a, batches.subList(i, Math.min(batches.size(), i + 5)), fields);
        }
        return n / ((System.nanoTime() - started) / 1e9);
      }
    }
  }

  private static long appendRaw(DuckDBAppender a, List<EventBatch> chunk, int fields) throws Exception {
    long n = 0;
    for (EventBatch batch : chunk) {
      for (LogEvent e : batch.events()) {
        a.beginRow().append(e.source()).append(batch.origin().fileId()).append(e.offset())
            .appendEpochMillis(e.time()).append(batch.origin().host()).append(batch.origin().path())
            .append(e.line());
        for (int i = 0; i < fields; i++) {
          Object v = i < e.schema().size() ? e.value(i) : null;
          if (v == null) {
            a.appendNull();
          } else if (v instanceof Long || v instanceof Integer) {
            a.append(((Number) v).longValue());
          } else if (v instanceof Double) {
            a.append((double) (Double) v);
          } else if (v instanceof Instant t) {
            a.appendEpochMillis(t.toEpochMilli());
          } else {
            a.append(v.toString());
          }
        }
        a.endRow();
        n++;
      }
    }
    a.flush();
    return n;
  }

  private static String sqlType(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return "BIGINT";
    }
    if (v instanceof Instant) {
      return "TIMESTAMP_MS";
    }
    return v instanceof Double ? "DOUBLE" : "VARCHAR";
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
