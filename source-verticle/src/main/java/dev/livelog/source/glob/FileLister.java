package dev.livelog.source.glob;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/** Lists the regular files under a directory, down to a depth: on this machine or a host. */
public interface FileLister extends AutoCloseable {
  /**
   * At most this many files are listed: a pattern matching files of a huge tree must not fill
   * memory. Only wanted files count, so files the pattern leaves out never hide those it names.
   */
  int MAX_LISTED = 100_000;

  /**
   * The regular files under {@code base} that {@code wanted} accepts, at most {@code depth}
   * directory levels down (1: only its own files); none when it does not exist.
   */
  List<String> list(String base, int depth, Predicate<String> wanted) throws IOException;

  /** Every regular file under {@code base}, down to {@code depth}. */
  default List<String> list(String base, int depth) throws IOException {
    return list(base, depth, path -> true);
  }

  @Override
  default void close() {}
}
