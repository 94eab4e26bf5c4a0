package dev.livelog.source;

/** What a source is doing, as shown on the status API and the dashboard. */
public enum SourceState {
  /** Loading the checkpoint, opening the file, connecting or reconnecting (SSH). */
  CONNECTING,
  /** Reading and sending lines. */
  STREAMING,
  /**
   * The last attempt failed (see the last error); retrying after a delay that doubles up to
   * 30 s, with jitter, and starts over once the source has streamed for 10 s.
   */
  BACKING_OFF,
  /** The stream ended for good: a command exited with status 0, or stdin closed. */
  ENDED,
  /** Undeployed. */
  STOPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
