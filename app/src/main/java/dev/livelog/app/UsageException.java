package dev.livelog.app;

/** A mistake in how livelog was called (a missing file, a bad option value): exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
