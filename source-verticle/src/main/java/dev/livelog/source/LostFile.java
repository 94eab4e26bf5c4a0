package dev.livelog.source;

/**
 * A file whose unread bytes are gone: the checkpoint's file was found neither at the path nor
 * among its rotations (deleted, or moved elsewhere, while livelog was stopped or disconnected).
 * What was written to it after {@code offset} was never read; how much that was cannot be
 * known once the file is gone.
 *
 * @param file where the file was followed (the path, with the host for a remote one)
 * @param fileId the file's identity in event ids
 * @param offset the last byte stored: everything after it is lost
 */
public record LostFile(String file, String fileId, long offset) {

  /** The warning an operator reads. */
  public String describe() {
    return "file " + file + " (" + fileId + ") is gone: the bytes written to it after offset "
        + offset + " were not read and are lost (deleted before livelog could read them)";
  }
}
