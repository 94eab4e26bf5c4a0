package dev.livelog.app.analyze;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.LivelogConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Reads inputs in chunks cut at line ends and analyzes the chunks on all cores, each thread
 * with its own {@link ChunkAnalysis}; a bounded number of chunks is in memory at once.
 */
final class ParallelAnalysis implements AutoCloseable {
  private static final int CHUNK_BYTES = 4 * 1024 * 1024;
  /**
   * Paths (and clients) held for the top lists in all, shared among the threads: a fixed
   * budget (a few tens of MiB) whatever the input and the number of cores.
   */
  static final int TOP_KEYS = 1 << 16;
  private static final int MIN_TOP_KEYS_PER_THREAD = 4096;

  private final ExecutorService pool;
  private final Semaphore inFlight;
  private final List<ChunkAnalysis> partials = new ArrayList<>();
  private final ThreadLocal<ChunkAnalysis> local;
  private final List<Future<?>> pending = new ArrayList<>();
  private final AtomicLong bytesDone = new AtomicLong();

  ParallelAnalysis(FormatConfig format, LivelogConfig config, Charset charset, int threads) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "livelog-analyze");
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(threads * 2);
    this.local = ThreadLocal.withInitial(() -> {
      ChunkAnalysis a = new ChunkAnalysis(format, config, charset,
          Math.max(MIN_TOP_KEYS_PER_THREAD, TOP_KEYS / threads));
      synchronized (partials) {
        partials.add(a);
      }
      return a;
    });
  }

  /** Reads an input to its end, handing chunks to the pool; progress gets bytes read so far. */
  void read(int index, String name, InputStream in, LongConsumer progress) throws IOException, InterruptedException {
    byte[] carry = new byte[0];
    long offset = 0;
    while (true) {
      byte[] chunk = new byte[carry.length + CHUNK_BYTES];
      System.arraycopy(carry, 0, chunk, 0, carry.length);
      int n = in.readNBytes(chunk, carry.length, CHUNK_BYTES);
      int length = carry.length + n;
      if (n == 0) {
        if (length > 0) {
          submit(index, name, chunk, length, offset);
        }
        return;
      }
      int cut = lastNewline(chunk, length);
      if (cut < 0) {
        carry = java.util.Arrays.copyOf(chunk, length);
        continue;
      }
      carry = java.util.Arrays.copyOfRange(chunk, cut + 1, length);
      submit(index, name, chunk, cut + 1, offset);
      offset += cut + 1;
      progress.accept(offset);
    }
  }

  private static int lastNewline(byte[] b, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void submit(int index, String name, byte[] chunk, int length, long offset) throws InterruptedException {
    inFlight.acquire();
    pending.add(pool.submit(() -> {
      try {
        local.get().process(index, name, chunk, length, offset);
        bytesDone.addAndGet(length);
      } finally {
        inFlight.release();
      }
    }));
  }

  /** Waits for every chunk and merges the threads' results. */
  ChunkAnalysis finish(FormatConfig format, LivelogConfig config, Charset charset)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    for (Future<?> f : pending) {
      f.get();
    }
    ChunkAnalysis total = new ChunkAnalysis(format, config, charset, TOP_KEYS);
    synchronized (partials) {
      total.mergeAll(partials);
    }
    total.failures.sort(Comparator.comparingInt(ChunkAnalysis.Failure::inputIndex)
        .thenComparingLong(ChunkAnalysis.Failure::offset));
    if (total.failures.size() > ChunkAnalysis.FAILURE_SAMPLES) {
      total.failures.subList(ChunkAnalysis.FAILURE_SAMPLES, total.failures.size()).clear();
    }
    return total;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
