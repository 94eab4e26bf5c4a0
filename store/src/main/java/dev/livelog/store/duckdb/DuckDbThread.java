package dev.livelog.store.duckdb;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one thread that talks to DuckDB. DuckDB's Appender is confined to the thread that made
 * it, and one writer keeps appends from competing with each other, so every statement runs
 * here, in submission order; results are delivered on the caller's Vert.x context.
 */
final class DuckDbThread {
  /** Work done on the DuckDB thread with the open database. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  private final Vertx vertx;
  private final ExecutorService executor;

  DuckDbThread(Vertx vertx, String name) {
    this.vertx = vertx;
    this.executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  <T> Future<T> submit(Work<T> work) {
    Context caller = vertx.getOrCreateContext();
    return Future.fromCompletionStage(run(work), caller);
  }

  /** Like {@link #submit}, for another DuckDB thread to wait on. */
  <T> CompletableFuture<T> run(Work<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          result.complete(work.run());
        } catch (Throwable e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException closed) {
      result.completeExceptionally(new IllegalStateException("the DuckDB store is closed"));
    }
    return result;
  }

  boolean isShutdown() {
    return executor.isShutdown();
  }

  /** Runs the work already submitted, then lets the thread end; later submissions fail. */
  void shutdown() {
    executor.shutdown();
  }
}
