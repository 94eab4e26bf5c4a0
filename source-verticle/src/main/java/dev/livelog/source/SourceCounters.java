package dev.livelog.source;

/** Lines and bytes a source has moved, for status and metrics. Updated on its event loop. */
public final class SourceCounters {
  private volatile long linesSent;
  private volatile long bytesRead;
  private long lastStatusAt;

  void linesSent(int n) {
    linesSent += n;
  }

  void bytesRead(int n) {
    bytesRead += n;
  }

  void statusPublished(long now) {
    lastStatusAt = now;
  }

  long lastStatusAt() {
    return lastStatusAt;
  }

  public long linesSent() {
    return linesSent;
  }

  public long bytesRead() {
    return bytesRead;
  }
}
