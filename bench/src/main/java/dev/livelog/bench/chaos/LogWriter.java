package dev.livelog.bench.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * One log file written as a web server writes it: lines appended ({@code O_APPEND}) to an open
 * file, which the server reopens at the path after a rotation (until then it goes on writing
 * into the renamed file, as nginx does until its USR1). Rotations are logrotate's: numbered
 * names shifted up, {@code .gz} when compressed, or copytruncate. Nothing is ever deleted, so
 * every line that still exists can be found on disk at the end.
 *
 * <p>A line is {@code SEQ LOG FAULT PAD SEQ}: the number twice, so a line read from the wrong
 * place is seen as corrupt, and a padding of varying length.
 */
final class LogWriter implements AutoCloseable {
  /** The config's regex for these lines. */
  static final String REGEX =
      "^(?P<seq>\\d+) (?P<log>[a-z0-9-]+) (?P<fault>[a-z0-9-]+) (?P<pad>[a-z]*) (?P<check>\\d+)$";
  private static final Pattern LINE = Pattern.compile("^(\\d+) \\S+ \\S+ [a-z]* (\\d+)$");
  private static final String PAD = "abcdefghijklmnopqrstuvwxyz".repeat(8);

  final String name;
  final Path path;
  final boolean overSsh;
  private final Random random;
  private OutputStream out;

  LogWriter(String name, Path path, boolean overSsh, long seed) throws IOException {
    this.name = name;
    this.path = path;
    this.overSsh = overSsh;
    this.random = new Random(seed);
    Files.createDirectories(path.getParent());
    out = open();
  }

  private OutputStream open() throws IOException {
    return Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Appends {@code lines} lines in one write, numbered by the ledger. */
  synchronized void append(Ledger ledger, int lines) throws IOException {
    StringBuilder text = new StringBuilder(lines * 120);
    for (int i = 0; i < lines; i++) {
      Ledger.Entry entry = ledger.next();
      text.append(entry.seq()).append(' ').append(name).append(' ').append(entry.label())
          .append(' ').append(PAD, 0, 20 + random.nextInt(160)).append(' ')
          .append(entry.seq()).append('\n');
    }
    out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The server reopens its log at the path (creating a new file after a rotation). */
  synchronized void reopen() throws IOException {
    out.close();
    out = open();
  }

  /** Renames the log to {@code name.1} (compressed: {@code name.1.gz}), older ones shifted up. */
  Path rotate(boolean compress, Runnable beforeReopen) throws IOException, InterruptedException {
    Path first = shiftRotations();
    Files.move(path, first);
    beforeReopen.run();
    reopen();
    if (compress) {
      gzip(first); // logrotate's compress without delaycompress: right after the reopen
      return sibling(first.getFileName() + ".gz");
    }
    return first;
  }

  /** logrotate's copytruncate: copies the log to {@code name.1}, then truncates it in place. */
  Path copyTruncate() throws IOException {
    Path first = shiftRotations();
    Files.copy(path, first);
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
      file.truncate(0);
    }
    return first;
  }

  /** Moves {@code name.N[.gz]} to {@code name.N+1[.gz]}, highest first; returns {@code name.1}. */
  private Path shiftRotations() throws IOException {
    int highest = 0;
    while (Files.exists(rotation(highest + 1, "")) || Files.exists(rotation(highest + 1, ".gz"))) {
      highest++;
    }
    for (int n = highest; n >= 1; n--) {
      for (String gz : List.of("", ".gz")) {
        if (Files.exists(rotation(n, gz))) {
          Files.move(rotation(n, gz), rotation(n + 1, gz), StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    return rotation(1, "");
  }

  private Path rotation(int n, String suffix) {
    return sibling(path.getFileName() + "." + n + suffix);
  }

  private Path sibling(String fileName) {
    return path.resolveSibling(fileName);
  }

  /** Compresses with the system's gzip, as logrotate does: the file is replaced, its time kept. */
  private static void gzip(Path file) throws IOException, InterruptedException {
    Process gzip = new ProcessBuilder("gzip", file.toString()).redirectErrorStream(true).start();
    String output = new String(gzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gzip.waitFor() != 0) {
      throw new IOException("gzip " + file + " failed: " + output);
    }
  }

  /** Marks in {@code onDisk} the sequence numbers of every line in the log and its rotations. */
  void linesOnDisk(BitSet onDisk) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(path.getParent())) {
      files = all.toList();
    }
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        for (String line : text.split("\n")) {
          Matcher m = LINE.matcher(line);
          if (m.matches() && m.group(1).equals(m.group(2))) {
            onDisk.set(Integer.parseInt(m.group(1)));
          }
        }
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
