package dev.livelog.source.glob;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lists files on this machine: regular files and links to regular files (kubelet's
 * {@code /var/log/containers/*.log} are links), as {@code find -xtype f} does on a host. A
 * directory that cannot be read or goes away while listed is left out, not the whole listing.
 */
public final class LocalFiles implements FileLister {
  @Override
  public List<String> list(String base, int depth, Predicate<String> wanted) throws IOException {
    Path dir = Path.of(base);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    if (!Files.isReadable(dir)) {
      throw new IOException("listing " + base + " failed: permission denied");
    }
    List<String> files = new ArrayList<>();
    Files.walkFileTree(dir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String path = file.toString();
            if (wanted.test(path)
                && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file))) {
              files.add(path);
            }
            return files.size() < MAX_LISTED ? FileVisitResult.CONTINUE
                : FileVisitResult.TERMINATE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable or gone: the next poll sees it again
          }
        });
    return files;
  }
}
