package dev.livelog.store.duckdb;

import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * Another livelog, for tests: opens the embedded store in the directory given as argument,
 * prints "open" and holds the file until its standard input closes.
 */
public final class HoldDataFile {
  private HoldDataFile() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    DuckDbEventStore store = DuckDbEventStore.inDirectory(vertx, Path.of(args[0]));
    store.open().toCompletionStage().toCompletableFuture().get();
    System.out.println("open");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold until the parent closes our input
    }
    store.close().toCompletionStage().toCompletableFuture().get();
    vertx.close();
  }
}
