package dev.livelog.parser.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.parser.Formats;
import dev.livelog.parser.LineMutations;
import dev.livelog.parser.SampleLogLines;
import dev.livelog.parser.builtin.SeedCacheFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scanner must give exactly java.util.regex's results: same match or no match, same
 * group bounds. Checked on the seed's regex over valid and mutated lines, on regexes people
 * write for access logs, and on thousands of random regexes of the subset over random text
 * (line terminators, non-ASCII, surrogate pairs and lone surrogates included).
 */
class RegexScannerEquivalenceTest {
  static final String[] ALPHABET = {"a", "b", "c", " ", "-", ":", "\"", "1", "2", "9",
      "\n", "\r", "\u0085", "\u2028", "\u00e9", "\uD83D\uDE00", "\uD83D", "\uDE00", "x", "***", "]"};

  @Test
  void theSeedsRegexOnValidAndMutatedLines() {
    String javaRegex = NamedGroupRegex.compile(SeedCacheFormat.REGEX).pattern().pattern();
    List<String> lines = new ArrayList<>();
    Random r = new Random(4);
    for (int i = 0; i < 300; i++) {
      lines.add(SampleLogLines.seedLine(r));
    }
    int mutated = 0;
    for (int i = 0; i < 20_000; i++) {
      String base = lines.get(r.nextInt(300));
      lines.add(LineMutations.mutate(base, r, 1 + r.nextInt(4)));
      mutated++;
    }
    int matched = compare(javaRegex, lines);
    assertThat(mutated).isEqualTo(20_000);
    assertThat(matched).as("some mutated lines still match, some do not").isBetween(300, lines.size() - 1000);
  }

  @Test
  void regexesWrittenForAccessLogs() {
    List<String> regexes = List.of(
        "^(?<addr>\\S+) \\S+ (?<user>\\S+) \\[(?<time>[^\\]]+)\\] \"(?<method>[A-Z]+) (?<path>[^\"?]*)(?:\\?(?<query>[^\" ]*))? (?<proto>[^\"]*)\" (?<status>\\d{3}) (?<bytes>\\d+|-)",
        "^(\\S+) - (\\S+) \\[(.+?)\\] \"(.*?)\" (\\d{3}) (\\d+|-) \"(.*?)\" \"(.*?)\"$",
        "(?<a>.*)\\s(?<b>.*?)x(?<c>\\d*+)",
        "rt=(?<rt>[\\d.]+) urt=\"(?<urt>[^\"]*)\"\\Z",
        "(?<k>\\w+)=(?<v>\\w*)\\z",
        "\\*\\*\\*(?<t>\\S+ -\\d{4}) (?<rest>.*)$");
    Random r = new Random(11);
    for (String regex : regexes) {
      assertThat(RegexScanner.compile(regex, Pattern.compile(regex).matcher("").groupCount()))
          .as(regex).isPresent();
      List<String> lines = new ArrayList<>();
      lines.add("10.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] \"GET /a?b=c HTTP/1.1\" 200 512 \"-\" \"curl\"");
      lines.add("rt=0.012 urt=\"0.010, 0.002\"\r\n");
      lines.add("key=value");
      lines.add("***25/Nov/2026:10:00:01 -0800 ups_ad: -");
      for (int i = 0; i < 3000; i++) {
        lines.add(LineMutations.mutate(lines.get(r.nextInt(4)), r, 1 + r.nextInt(3)));
      }
      compare(regex, lines);
    }
  }

  @Test
  void randomRegexesOfTheSubsetOnRandomText() {
    Random r = new Random(2026);
    int compiled = 0;
    for (int n = 0; n < 3000; n++) {
      RandomRegex gen = new RandomRegex(r);
      String regex = gen.sequence(3);
      Pattern p = Pattern.compile(regex);
      assertThat(RegexScanner.compile(regex, p.matcher("").groupCount())).as(regex).isPresent();
      compiled++;
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        lines.add(randomText(r, r.nextInt(14)));
      }
      compare(regex, lines);
    }
    assertThat(compiled).isEqualTo(3000);
  }

  @Test
  void patternsOutsideTheSubsetAreLeftToJavaUtilRegex() {
    for (String regex : List.of("(a)\\1", "(?i)abc", "(?=a)a", "(ab)*", "\\bword\\b", "\\p{L}+",
        "[a&&[b]]", "(?<x>a)(?:b|c)+", "a\\Qb\\E")) {
      int groups = Pattern.compile(regex).matcher("").groupCount();
      assertThat(RegexScanner.compile(regex, groups)).as(regex).isEmpty();
    }
  }

  /** Compares scanner and java.util.regex on every line; returns how many matched. */
  private static int compare(String regex, List<String> lines) {
    Matcher java = Pattern.compile(regex).matcher("");
    RegexScanner scanner = RegexScanner.compile(regex, java.groupCount()).orElseThrow();
    int matched = 0;
    for (String line : lines) {
      java.reset(line);
      boolean expected = java.find();
      String where = "regex " + escape(regex) + " on line " + escape(line);
      assertThat(scanner.find(line)).as(where).isEqualTo(expected);
      if (!expected) {
        continue;
      }
      matched++;
      for (int g = 0; g <= java.groupCount(); g++) {
        assertThat(new int[] {scanner.start(g), scanner.end(g)}).as(where + " group " + g)
            .containsExactly(java.start(g), java.end(g));
      }
    }
    return matched;
  }

  private static String randomText(Random r, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** Random regexes made only of what the scanner runs. */
  private static final class RandomRegex {
    private static final String[] CHARS = {"a", "b", "c", " ", "-", ":", "\"", "1", "\\*", "\\.", "\u00e9", "\\t", "\\x41"};
    private static final String[] CLASSES = {".", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "[ab]",
        "[^a]", "[a-c]", "[^ \"]", "[\\d:]", "[^\\s]", "[-a]", "[\\S]", "[^]]", "[]a]", "[^]\"]"};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "{0,2}", "{1,}", "{2}", "{0,1}"};
    private static final String[] MODES = {"", "", "?", "+"};
    private final Random r;
    private int groups;

    RandomRegex(Random r) {
      this.r = r;
    }

    String sequence(int depth) {
      StringBuilder s = new StringBuilder();
      int items = 1 + r.nextInt(4);
      for (int i = 0; i < items; i++) {
        s.append(item(depth));
      }
      return s.toString();
    }

    private String item(int depth) {
      int kind = r.nextInt(depth > 0 ? 10 : 7);
      return switch (kind) {
        case 0, 1 -> CHARS[r.nextInt(CHARS.length)];
        case 2 -> CLASSES[r.nextInt(CLASSES.length)];
        case 3, 4 -> (r.nextBoolean() ? CLASSES[r.nextInt(CLASSES.length)] : CHARS[r.nextInt(CHARS.length)])
            + QUANTIFIERS[r.nextInt(QUANTIFIERS.length)] + MODES[r.nextInt(MODES.length)];
        case 5 -> r.nextInt(3) == 0 ? List.of("^", "$", "\\A", "\\z", "\\Z").get(r.nextInt(5)) : "a";
        case 6 -> ".*";
        default -> group(depth - 1);
      };
    }

    private String group(int depth) {
      String open = switch (r.nextInt(3)) {
        case 0 -> "(?:";
        case 1 -> "(";
        default -> "(?<g" + (++groups) + ">";
      };
      StringBuilder body = new StringBuilder(sequence(depth));
      while (r.nextInt(3) == 0) {
        body.append('|').append(r.nextInt(4) == 0 ? "" : sequence(depth));
      }
      String close = switch (r.nextInt(5)) {
        case 0 -> ")?";
        case 1 -> ")??";
        default -> ")";
      };
      return open + body + close;
    }
  }
}
