package dev.livelog.store.duckdb;

import static dev.livelog.store.SampleEvents.T0;
import static dev.livelog.store.SampleEvents.batch;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * A livelog that crashes, for tests: opens the embedded store in the directory given as
 * argument, appends batches one at a time (the stored ranges are saved at most once a second,
 * so most are not), prints "appended" and halts without closing anything.
 */
public final class AppendThenDie {
  private AppendThenDie() {}

  public static void main(String[] args) throws Exception {
    DuckDbEventStore store = DuckDbEventStore.inDirectory(Vertx.vertx(), Path.of(args[0]));
    store.open().toCompletionStage().toCompletableFuture().get();
    for (int b = 0; b < 5; b++) {
      store.append(List.of(batch("nginx", "inode-1", b * 1000L, 10, T0)))
          .toCompletionStage().toCompletableFuture().get();
    }
    System.out.println("appended");
    System.out.flush();
    Runtime.getRuntime().halt(9);
  }
}
