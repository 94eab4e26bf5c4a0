package dev.livelog.source;

/** What a source is doing, as shown on the status API and the dashboard. */
public enum SourceState {
  /** Loading the checkpoint, opening the file or connecting. */
  CONNECTING,
  /** Reading and sending lines. */
  STREAMING,
  /** The last attempt failed; retrying after a delay (see the last error). */
  BACKING_OFF,
  /** The stream ended (a command exited). */
  ENDED,
  /** Undeployed. */
  STOPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
