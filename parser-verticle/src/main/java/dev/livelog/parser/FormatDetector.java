package dev.livelog.parser;

import dev.livelog.common.event.LogEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guesses which registered built-in format a sample of lines has: the one that parses the most
 * of them; on a tie the one whose lines fill more fields, since a looser format (combined) also
 * swallows the lines of a richer one (main); on a tie again the first registered, so a field
 * that is always {@code -} (Apache's %l in apache_combined) does not win over combined.
 */
public final class FormatDetector {
  private FormatDetector() {}

  /** The best built-in format's name, or null when none parses at least half of the sample. */
  public static String detect(List<String> sample) {
    String best = null;
    int bestParsed = 0;
    int bestFields = 0;
    for (BuiltinFormat b : Formats.builtins().all()) {
      LineParser parser = Formats.compile(b.config());
      int parsed = 0;
      Set<String> filled = new HashSet<>();
      for (String line : sample) {
        try {
          LogEvent event = parser.parse(line, "detect", 0);
          parsed++;
          for (String name : event.schema().names()) {
            if (event.get(name) != null) {
              filled.add(name);
            }
          }
        } catch (LineRejected ignored) {
          // counted as not parsed
        }
      }
      int fields = filled.size();
      if (parsed > bestParsed || (parsed == bestParsed && parsed > 0 && fields > bestFields)) {
        best = b.name();
        bestParsed = parsed;
        bestFields = fields;
      }
    }
    return bestParsed * 2 >= sample.size() && bestParsed > 0 ? best : null;
  }
}
