package dev.livelog.source;

import dev.livelog.common.bus.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where a source's bytes come from: a local file, a file on an SSH host, a command. The
 * {@link SourceVerticle} drives it from the source's own worker thread: {@link #read} returns
 * promptly (IDLE when nothing is new), {@link #open} and {@link #seek} may take as long as a
 * connection does, and calls never overlap, except {@link #close}, which may come from another
 * thread to abort a call in progress (stopping while a host is being reached).
 */
public interface LineSource {

  /** What a read found. */
  enum ReadStatus {
    /** Bytes were read into the buffer. */
    DATA,
    /** Nothing new yet. */
    IDLE,
    /** The path now names another file; the current one is read to its end. */
    ROTATED,
    /** The file became shorter than the read position (copytruncate). */
    TRUNCATED,
    /** The stream ended for good (a command exited, stdin closed). */
    ENDED
  }

  /**
   * Opens the source, resuming at the checkpoint when it still applies.
   *
   * @param checkpoint the last stored position, or null on a first start
   * @return the file identity and offset reading starts at, with the file's fingerprint when
   *     it resumes past the start of a file it knows one of (else the bytes read give it)
   */
  Checkpoint open(Checkpoint checkpoint) throws IOException;

  /** Reads what is available into the buffer, at the current {@link #fileId()} and {@link #offset()}. */
  ReadStatus read(ByteBuffer buffer) throws IOException;

  /**
   * After ROTATED or TRUNCATED: continue with the new file (or the truncated one) from its
   * start; the checkpoint says the file and the position reading starts at there (0 for a
   * file; a journal's next sequence of entries starts at its first entry's number).
   */
  Checkpoint follow() throws IOException;

  /**
   * Goes back to an offset of the current file, to send again what was not stored; after a
   * failure, this is also where a source reconnects. When the file turned out rotated or
   * truncated meanwhile, the next read says so.
   */
  void seek(long offset) throws IOException;

  /** Identity of the file being read; it changes on rotation and truncation. */
  String fileId();

  /** Byte offset the next read starts at. */
  long offset();

  /** Bytes written to the source that are not read yet, or -1 when unknown. */
  long bytesBehind();

  /** Host label for events and status ("localhost" for local files). */
  String host();

  /** Path or command, for status. */
  String path();

  /**
   * Files found gone since the last call, whose unread bytes are lost (see {@link LostFile});
   * asked after {@link #open}, {@link #follow} and {@link #seek}.
   */
  default List<LostFile> takeLosses() {
    return List.of();
  }

  /**
   * How the read loop turns this source's reads into lines: the splitter (bytes cut at
   * newlines, each line at its byte offset), unless the source frames its own records (a
   * journal's entries, at their sequence numbers). Asked once per connection.
   */
  default LineFramer framer(LineSplitter splitter) {
    return splitter;
  }

  void close();
}
