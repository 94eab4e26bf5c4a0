package dev.livelog.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.config.DeriveConfig;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.builtin.SeedCacheFormat;
import dev.livelog.parser.regex.NamedGroupRegex;
import dev.livelog.parser.regex.RegexLineParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random mutations of valid lines, through every format: nothing escapes,
 * every line becomes an event or a dead letter (each exactly once, with a reason), and the
 * counts add up. Regex formats give the same events on the scanner as on java.util.regex.
 */
class ParserFuzzTest {
  private static final SourceOrigin ORIGIN = new SourceOrigin("fuzz", "h", "/var/log/x.log", "1:2");

  private static Map<String, FormatConfig> formats() {
    Map<String, FormatConfig> formats = new LinkedHashMap<>();
    Formats.builtins().names().forEach(name -> formats.put(name, FormatConfig.of("builtin", name)));
    formats.put("combined+derive", FormatConfig.of("builtin", "combined").withDerive(Map.of(
        "media", new DeriveConfig("path", "\\.(png|jpe?g)$", "1", "0", "int"))));
    formats.put("json mapping", FormatConfig.of("json", Map.of("code", "status", "ua", "http_user_agent"))
        .withTypes(Map.of("code", "int")));
    formats.put("java-only regex",
        FormatConfig.of("regex", "^(?<addr>\\S+) (?:(?<word>[\\w-]+) )*\\[(?<t>[^]]+)]")
        .withTypes(Map.of("t", "%d/%b/%Y:%H:%M:%S %z")).withTimeField("t"));
    formats.put("cri upstreaminfo", FormatConfig.of("cri", "upstreaminfo"));
    formats.put("docker combined", FormatConfig.of("docker", "combined"));
    formats.put("unanchored scanned regex",
        FormatConfig.of("regex", "(?<addr>\\S+) \\S+ \\S+ \\[(?<t>[^]]+)]")
        .withTypes(Map.of("t", "%d/%b/%Y:%H:%M:%S %z")).withTimeField("t"));
    return formats;
  }

  /** Valid lines of every format, mutated lines, random bytes as UTF-8 and Latin-1, huge lines. */
  private static List<String> corpus(Random r) {
    List<String> valid = new ArrayList<>();
    for (String f : List.of("combined", "main", "upstreaminfo", "common", "apache_combined",
        "json", "seed_cache")) {
      valid.addAll(SampleLogLines.of(f, 200, r));
    }
    for (String line : SampleLogLines.of("upstreaminfo", 200, r)) {
      valid.add("2026-12-07T10:00:0" + r.nextInt(10) + ".123456789Z " + (r.nextBoolean() ? "stdout" : "stderr")
          + " F " + line);
    }
    for (String line : SampleLogLines.of("combined", 200, r)) {
      valid.add("{\"log\":\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\\n\",\"stream\":\"stdout\","
          + "\"time\":\"2026-12-07T10:00:00.5Z\"}");
    }
    List<String> lines = new ArrayList<>(valid);
    for (int i = 0; i < 4000; i++) {
      lines.add(LineMutations.mutate(valid.get(r.nextInt(valid.size())), r, 1 + r.nextInt(5)));
    }
    for (int i = 0; i < 1000; i++) {
      byte[] bytes = new byte[r.nextInt(300)];
      r.nextBytes(bytes);
      lines.add(new String(bytes, i % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }
    lines.add("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    lines.add("x".repeat(70_000));
    lines.add(valid.get(0) + " ".repeat(30_000) + valid.get(1));
    return lines;
  }

  @Test
  void everyLineIsAnEventOrADeadLetterAndNothingEscapes() {
    Random r = new Random(20261125);
    List<String> corpus = corpus(r);
    for (Map.Entry<String, FormatConfig> f : formats().entrySet()) {
      BatchParser parser = new BatchParser(Formats.compile(f.getValue()));
      int events = 0;
      int dead = 0;
      for (int from = 0; from < corpus.size(); from += 500) {
        List<String> slice = corpus.subList(from, Math.min(corpus.size(), from + 500));
        LineBatch batch = batch(slice, from, r);
        BatchParser.Result result = parser.parse(batch, 1_000L);
        Set<Long> offsets = new HashSet<>();
        for (LogEvent e : result.events().events()) {
          assertThat(offsets.add(e.offset())).as(f.getKey()).isTrue();
          assertThat(e.time()).isNotEqualTo(LogEvent.NO_TIME);
        }
        for (DeadLetter d : result.deadLetters()) {
          assertThat(offsets.add(d.offset())).as(f.getKey()).isTrue();
          assertThat(d.reason()).isNotBlank();
          assertThat(d.reason()).as(f.getKey() + ": " + d.line()).doesNotStartWith("parser error");
        }
        for (int i = 0; i < batch.size(); i++) {
          assertThat(offsets).contains(batch.offset(i));
          if (batch.isCut(i)) {
            assertThat(result.deadLetters()).anyMatch(d -> d.reason().equals(BatchParser.CUT));
          }
        }
        assertThat(result.events().events().size() + result.deadLetters().size()).isEqualTo(batch.size());
        assertThat(result.events().failed()).isEqualTo(result.deadLetters().size());
        events += result.events().events().size();
        dead += result.deadLetters().size();
      }
      assertThat(events + dead).as(f.getKey()).isEqualTo(corpus.size());
      assertThat(events).as(f.getKey() + " parses its own valid lines").isGreaterThan(150);
      assertThat(dead).as(f.getKey() + " rejects the rest").isGreaterThan(1000);
    }
  }

  @Test
  void regexFormatsGiveTheSameEventsOnTheScannerAndOnJavaUtilRegex() {
    Random r = new Random(7);
    List<String> corpus = corpus(r);
    for (String regex : List.of(SeedCacheFormat.REGEX,
        "^(?P<addr>\\S+) \\S+ (?P<user>\\S+) \\[(?P<time>[^\\]]+)\\] \"(?P<request>.*?)\" (?P<status>\\d{3}) (?P<bytes>\\d+|-)")) {
      Map<String, ValueType> types = Map.of("time", ValueTypes.named("%d/%b/%Y:%H:%M:%S %z"));
      RegexLineParser scanned = new RegexLineParser(NamedGroupRegex.compile(regex), types, "time", true);
      RegexLineParser java = new RegexLineParser(NamedGroupRegex.compile(regex), types, "time", false);
      assertThat(scanned.scanned()).isTrue();
      assertThat(java.scanned()).isFalse();
      int parsed = 0;
      for (String line : corpus) {
        String a = outcome(scanned, line);
        assertThat(a).as(line).isEqualTo(outcome(java, line));
        parsed += a.startsWith("event") ? 1 : 0;
      }
      assertThat(parsed).isGreaterThan(100);
    }
  }

  private static String outcome(LineParser parser, String line) {
    try {
      LogEvent e = parser.parse(line, "s", 0);
      return "event " + e.time() + " " + e.fields();
    } catch (LineRejected rejected) {
      return "rejected " + rejected.describe();
    }
  }

  private static LineBatch batch(List<String> lines, long firstOffset, Random r) {
    long[] offsets = new long[lines.size()];
    boolean[] cut = new boolean[lines.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = (firstOffset + i) * 100;
      cut[i] = r.nextInt(100) == 0;
    }
    return new LineBatch(ORIGIN, offsets, lines.toArray(String[]::new),
        (firstOffset + lines.size()) * 100, cut);
  }
}
