package dev.livelog.source.glob;

import java.io.IOException;
import java.util.List;

/** Lists the regular files under a directory, down to a depth: on this machine or a host. */
public interface FileLister extends AutoCloseable {
  /** At most this many files are listed: a pattern over a huge tree must not fill memory. */
  int MAX_LISTED = 100_000;

  /**
   * The regular files under {@code base}, at most {@code depth} directory levels down
   * (1: only its own files); none when it does not exist.
   */
  List<String> list(String base, int depth) throws IOException;

  @Override
  default void close() {}
}
