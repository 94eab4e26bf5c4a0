package dev.livelog.source;

import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.event.LogEvent;
import java.util.Arrays;

/**
 * Collects lines until a batch is due: at {@code maxLines} lines, or when the oldest line has
 * waited {@code maxDelayMillis}. One read may add more lines than a batch holds; they wait
 * for the next batch.
 *
 * <p>A batch ends after a line only where the next line starts at or after that line's next
 * position: a batch's end is where a restart resumes, and a container log's line joined from
 * parts written between another stream's lines resumes only past all of them (see
 * {@code ContainerLines}); such lines go into one batch, which may then hold a few more than
 * {@code maxLines}.
 */
public final class BatchBuilder implements LineSplitter.LineSink {
  private final int maxLines;
  private final long maxDelayMillis;
  private String[] lines = new String[64];
  private long[] offsets = new long[64];
  private long[] nexts = new long[64];
  private boolean[] cut = new boolean[64];
  private long[] times = new long[64];
  private int size;
  private long firstLineAt;

  public BatchBuilder(int maxLines, long maxDelayMillis) {
    this.maxLines = maxLines;
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public void line(String text, long offset, long next) {
    line(text, offset, next, false, LogEvent.NO_TIME);
  }

  @Override
  public void line(String text, long offset, long next, boolean wasCut) {
    line(text, offset, next, wasCut, LogEvent.NO_TIME);
  }

  @Override
  public void line(String text, long offset, long next, boolean wasCut, long time) {
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
      nexts = Arrays.copyOf(nexts, size * 2);
      cut = Arrays.copyOf(cut, size * 2);
      times = Arrays.copyOf(times, size * 2);
    }
    if (size == 0) {
      firstLineAt = System.currentTimeMillis();
    }
    lines[size] = text;
    offsets[size] = offset;
    nexts[size] = next;
    cut[size] = wasCut;
    times[size] = time;
    size++;
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size >= maxLines;
  }

  /** Whether a batch should leave now: full, or its oldest line has waited long enough. */
  public boolean isDue(long now) {
    return isFull() || (size > 0 && now - firstLineAt >= maxDelayMillis);
  }

  /** Takes the oldest lines, about a batch's worth, as a batch. */
  public LineBatch take(SourceOrigin origin) {
    int n = Math.min(size, maxLines);
    while (n < size && nexts[n - 1] > offsets[n]) {
      n++;
    }
    long end = n < size ? offsets[n] : nexts[n - 1];
    boolean anyCut = false;
    boolean anyTime = false;
    for (int i = 0; i < n; i++) {
      anyCut |= cut[i];
      anyTime |= times[i] != LogEvent.NO_TIME;
    }
    LineBatch batch = new LineBatch(origin, Arrays.copyOf(offsets, n), Arrays.copyOf(lines, n), end,
        anyCut ? Arrays.copyOf(cut, n) : new boolean[0],
        anyTime ? Arrays.copyOf(times, n) : new long[0]);
    System.arraycopy(lines, n, lines, 0, size - n);
    System.arraycopy(offsets, n, offsets, 0, size - n);
    System.arraycopy(nexts, n, nexts, 0, size - n);
    System.arraycopy(cut, n, cut, 0, size - n);
    System.arraycopy(times, n, times, 0, size - n);
    Arrays.fill(lines, size - n, size, null);
    size -= n;
    firstLineAt = System.currentTimeMillis();
    return batch;
  }

  public void clear() {
    Arrays.fill(lines, 0, size, null);
    size = 0;
  }
}
