package dev.livelog.app;

import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first lines of a file parsed with a format: how many parsed, and the first failures with
 * where matching stopped, shown with a caret so a user can fix a format in a minute. Bytes
 * that are not valid in the encoding are replaced, as the sources do.
 */
final class FormatSample {
  private static final int SHOWN = 120;

  /** A line that did not parse: its number, the line, why and where. */
  record Failure(int number, String line, LineRejected rejection) {}

  final int lines;
  final int parsed;
  final List<Failure> failures;

  private FormatSample(int lines, int parsed, List<Failure> failures) {
    this.lines = lines;
    this.parsed = parsed;
    this.failures = failures;
  }

  /** Parses up to {@code maxLines} lines of a file, keeping the first {@code keep} failures. */
  static FormatSample of(LineParser parser, Path file, Charset charset, int maxLines, int keep)
      throws IOException {
    int lines = 0;
    int parsed = 0;
    List<Failure> failures = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
      String line;
      while (lines < maxLines && (line = in.readLine()) != null) {
        lines++;
        try {
          parser.parse(line, "sample", 0);
          parsed++;
        } catch (LineRejected r) {
          if (failures.size() < keep) {
            failures.add(new Failure(lines, line, r));
          }
        }
      }
    }
    return new FormatSample(lines, parsed, failures);
  }

  /** {@code 998 of 1000 lines parsed (99.8%)}. */
  String rate() {
    return String.format("%d of %d lines parsed (%.1f%%)", parsed, lines,
        lines == 0 ? 0.0 : 100.0 * parsed / lines);
  }

  /** A failure: the reason, then the line around where matching stopped, and a caret there. */
  static String describe(Failure f) {
    LineRejected r = f.rejection();
    StringBuilder s = new StringBuilder("line ").append(f.number()).append(": ").append(r.getMessage());
    String line = f.line();
    int at = r.position();
    int from = at < 0 ? 0 : Math.max(0, Math.min(at - SHOWN / 2, line.length() - SHOWN));
    int to = Math.min(line.length(), from + SHOWN);
    s.append("\n  ").append(from > 0 ? "..." : "").append(visible(line.substring(from, to)))
        .append(to < line.length() ? "..." : "");
    if (at >= 0) {
      s.append("\n  ").append(" ".repeat((from > 0 ? 3 : 0) + at - from)).append("^ matching stopped here");
    }
    return s.toString();
  }

  /** Control characters as a dot, so the caret stays under its character. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 32 || c == 127 ? '.' : c);
    }
    return out.toString();
  }
}
