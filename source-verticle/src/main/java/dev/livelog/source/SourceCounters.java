package dev.livelog.source;

import io.vertx.core.json.JsonObject;

/** Lines and bytes a source has moved, for status and metrics. Updated on its event loop. */
public final class SourceCounters {
  private volatile long linesSent;
  private volatile long bytesRead;
  private long lastStatusAt;
  private volatile long roundTrips;
  private volatile long roundTripNanos;
  private volatile long filesLost;
  private volatile JsonObject lastLost;

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

  void fileLost(LostFile lost) {
    filesLost++;
    lastLost = new JsonObject().put("file", lost.file()).put("fileId", lost.fileId())
        .put("offset", lost.offset()).put("at", System.currentTimeMillis());
  }

  /** Files found gone with bytes unread (deleted while livelog was stopped or disconnected). */
  public long filesLost() {
    return filesLost;
  }

  /** The last of them: file, identity, the offset read to, when it was found gone; or null. */
  public JsonObject lastLost() {
    return lastLost == null ? null : lastLost.copy();
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
