package dev.livelog.source.glob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists files on this machine. */
public final class LocalFiles implements FileLister {
  @Override
  public List<String> list(String base, int depth) throws IOException {
    Path dir = Path.of(base);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir, depth)) {
      return files.filter(Files::isRegularFile).limit(MAX_LISTED).map(Path::toString).toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return List.of(); // a directory went away while it was listed: the next poll sees it
      }
      throw e.getCause();
    }
  }
}
