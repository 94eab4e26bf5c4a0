package dev.livelog.source;

/** Lines and bytes a source has moved, for status and metrics. Updated on its event loop. */
public final class SourceCounters {
  private volatile long linesSent;
  private volatile long bytesRead;
  private long lastStatusAt;
  private volatile long roundTrips;
  private volatile long roundTripNanos;

  void linesSent(int n) {
    linesSent += n;
  }

  void bytesRead(int n) {
    bytesRead += n;
  }

  void roundTrip(long nanos) {
    roundTripNanos += nanos;
    roundTrips++;
  }

  /** Mean time from sending a batch to the parser's reply, in seconds (NaN before any). */
  public double meanRoundTripSeconds() {
    long n = roundTrips;
    return n == 0 ? Double.NaN : roundTripNanos / 1e9 / n;
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
