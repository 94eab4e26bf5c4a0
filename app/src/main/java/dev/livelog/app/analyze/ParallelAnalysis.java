package dev.livelog.app.analyze;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.LivelogConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  /**
   * The chunk buffers, reused: allocated once, they stay in the old generation instead of
   * being copied by every young collection while they wait (a few MiB each); their number
   * bounds the chunks in memory.
   */
  private final BlockingQueue<byte[]> buffers;
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
    int count = threads * 2 + 2;
    this.buffers = new ArrayBlockingQueue<>(count);
    for (int i = 0; i < count; i++) {
      buffers.add(new byte[CHUNK_BYTES]);
    }
    this.local = ThreadLocal.withInitial(() -> {
      ChunkAnalysis a = new ChunkAnalysis(format, config, charset,
          Math.max(MIN_TOP_KEYS_PER_THREAD, TOP_KEYS / threads));
      synchronized (partials) {
        partials.add(a);
      }
      return a;
    });
  }

  /**
   * Reads an input to its end, handing chunks cut at line ends to the pool; progress gets
   * bytes read so far. A line longer than a chunk is analyzed as its first chunk's bytes (it
   * fails to parse and is counted, as any line cut short) and the rest of it is skipped.
   */
  void read(int index, String name, InputStream in, LongConsumer progress) throws IOException, InterruptedException {
    byte[] buffer = buffers.take();
    int filled = 0;
    long read = 0;
    while (true) {
      int n = in.readNBytes(buffer, filled, buffer.length - filled);
      read += n;
      int length = filled + n;
      long offset = read - length;
      if (n == 0) {
        if (length > 0) {
          submit(index, name, buffer, length, offset);
        } else {
          buffers.put(buffer);
        }
        return;
      }
      int cut = lastNewline(buffer, length);
      if (cut < 0 && length < buffer.length) {
        filled = length;  // the input's last line, without a newline
        continue;
      }
      byte[] next = buffers.take();
      if (cut < 0) {
        submit(index, name, buffer, length, offset);
        Skipped skipped = skipRestOfLine(in, next);
        read += skipped.read();
        filled = skipped.kept();
      } else {
        filled = length - cut - 1;
        System.arraycopy(buffer, cut + 1, next, 0, filled);
        submit(index, name, buffer, cut + 1, offset);
      }
      buffer = next;
      progress.accept(read - filled);
    }
  }

  /** What skipping the rest of an over-long line read, and the bytes after it kept. */
  private record Skipped(long read, int kept) {}

  /** Reads past the next newline; the bytes after it are left at the start of {@code into}. */
  private static Skipped skipRestOfLine(InputStream in, byte[] into) throws IOException {
    long read = 0;
    while (true) {
      int n = in.readNBytes(into, 0, into.length);
      read += n;
      int newline = n == 0 ? -1 : firstNewline(into, n);
      if (n == 0 || newline >= 0) {
        int kept = n == 0 ? 0 : n - newline - 1;
        System.arraycopy(into, newline + 1, into, 0, kept);
        return new Skipped(read, kept);
      }
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

  private static int firstNewline(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void submit(int index, String name, byte[] chunk, int length, long offset) {
    pending.add(pool.submit(() -> {
      try {
        local.get().process(index, name, chunk, length, offset);
        bytesDone.addAndGet(length);
      } finally {
        buffers.add(chunk);
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
