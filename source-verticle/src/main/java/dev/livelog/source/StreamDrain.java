package dev.livelog.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a blocking stream (a command's stdout, an SSH channel, stdin) on its own daemon thread
 * into a bounded buffer, so that {@link #read} never blocks a Vert.x worker: it takes what has
 * arrived, or nothing. When the buffer is full the thread stops reading, and the writer on the
 * other side (the process, or the SSH server through the channel window) waits: nothing here
 * grows without bound.
 */
public final class StreamDrain implements AutoCloseable {
  private final InputStream in;
  private final byte[] ring;
  private final Thread thread;
  private int head;
  private int size;
  private boolean ended;
  private IOException error;
  private volatile long lastReceivedAt = System.currentTimeMillis();
  private volatile boolean closed;

  public StreamDrain(InputStream in, int capacity, String name) {
    this.in = in;
    this.ring = new byte[capacity];
    this.thread = new Thread(this::drain, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain() {
    byte[] chunk = new byte[Math.min(ring.length, 64 * 1024)];
    try {
      while (!closed) {
        int room = waitForRoom();
        if (room < 0) {
          return;
        }
        int n = in.read(chunk, 0, Math.min(room, chunk.length));
        if (n < 0) {
          break;
        }
        put(chunk, n);
      }
      finish(null);
    } catch (IOException e) {
      finish(e);
    } catch (RuntimeException e) {
      finish(new IOException(e.getMessage(), e));
    }
  }

  private synchronized int waitForRoom() {
    while (size == ring.length && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return closed ? -1 : ring.length - size;
  }

  private synchronized void put(byte[] chunk, int n) {
    int tail = (head + size) % ring.length;
    int first = Math.min(n, ring.length - tail);
    System.arraycopy(chunk, 0, ring, tail, first);
    System.arraycopy(chunk, first, ring, 0, n - first);
    size += n;
    lastReceivedAt = System.currentTimeMillis();
  }

  private synchronized void finish(IOException e) {
    ended = true;
    error = closed ? null : e;
  }

  /**
   * Copies what has arrived, at most {@code len} bytes; never blocks.
   *
   * @return the number of bytes copied, 0 when nothing has arrived yet, -1 at the end of the
   *     stream once everything was taken
   * @throws IOException the error that ended the stream, once everything before it was taken
   */
  public synchronized int read(byte[] dst, int off, int len) throws IOException {
    if (size == 0) {
      if (error != null) {
        throw error;
      }
      return ended ? -1 : 0;
    }
    int n = Math.min(len, size);
    int first = Math.min(n, ring.length - head);
    System.arraycopy(ring, head, dst, off, first);
    System.arraycopy(ring, 0, dst, off + first, n - first);
    head = (head + n) % ring.length;
    size -= n;
    notifyAll();
    return n;
  }

  /** Bytes waiting to be read. */
  public synchronized int buffered() {
    return size;
  }

  /** When bytes last arrived from the stream (the thread's time, not the reader's). */
  public long lastReceivedAt() {
    return lastReceivedAt;
  }

  /** Stops the thread; the stream itself is closed by its owner (which wakes a blocked read). */
  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
