package dev.livelog.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the store holds after a chaos run, per fault: lines written while it was the latest
 * fault, distinct sequence numbers stored, rows stored, lost (still on disk, not stored) and
 * duplicated (rows beyond one per number). Lines gone from disk unread (copytruncate's window:
 * written after the copy, truncated away before livelog read them) are counted apart.
 */
public record ChaosReport(String testbed, List<Row> rows, Row total, long copytruncateWindow,
    long corruptRows, long deadLetters, int livelogStarts, List<String> problems,
    List<String> notes, Duration planned) {

  /** One fault's figures; {@code injected} is -1 for the lines before any fault. */
  public record Row(String fault, int injected, long written, long distinct, long stored,
      long lost, long gone) {
    long duplicated() {
      return stored - distinct;
    }
  }

  static ChaosReport of(ChaosRun.Settings settings, Ledger ledger, StoredLines stored,
      BitSet onDisk, Map<Fault, Integer> injected, String testbed, int starts,
      List<String> problems, List<String> notes) {
    Map<Fault, long[]> tally = new LinkedHashMap<>();
    long[] before = new long[5];
    for (Fault f : Fault.values()) {
      tally.put(f, new long[5]);
    }
    for (int seq = 0; seq < ledger.written(); seq++) {
      Fault fault = ledger.faultOf(seq);
      long[] t = fault == null ? before : tally.get(fault);
      int copies = stored.copies()[seq];
      t[0]++;
      if (copies > 0) {
        t[1]++;
        t[2] += copies;
      } else if (onDisk.get(seq)) {
        t[3]++;
      } else {
        t[4]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(row(Ledger.BEFORE_ANY_FAULT, -1, before));
    tally.forEach((f, t) -> rows.add(row(f.label(), injected.getOrDefault(f, 0), t)));
    long[] sum = new long[5];
    int faults = 0;
    for (Row r : rows) {
      sum[0] += r.written();
      sum[1] += r.distinct();
      sum[2] += r.stored();
      sum[3] += r.lost();
      sum[4] += r.gone();
      faults += Math.max(0, r.injected());
    }
    return new ChaosReport(testbed, rows, row("total", faults, sum), sum[4], stored.corrupt(),
        stored.deadLetters(), starts, List.copyOf(problems), List.copyOf(notes),
        settings.length());
  }

  private static Row row(String fault, int injected, long[] t) {
    return new Row(fault, injected, t[0], t[1], t[2], t[3], t[4]);
  }

  public int faults() {
    return total.injected();
  }

  public long written() {
    return total.written();
  }

  public long lost() {
    return total.lost();
  }

  public long duplicated() {
    return total.duplicated();
  }

  /** How many times a fault of this kind was injected. */
  public int injected(String fault) {
    return rows.stream().filter(r -> r.fault().equals(fault)).mapToInt(Row::injected)
        .findFirst().orElse(0);
  }

  /**
   * Nothing lost, nothing twice, nothing read from the wrong place, livelog never exited on
   * its own. Slow stops and restarts are notes: they depend on the machine's load.
   */
  public boolean passed() {
    return lost() == 0 && duplicated() == 0 && corruptRows == 0 && deadLetters == 0
        && problems.isEmpty();
  }

  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "chaos run: %.1f min planned, ", planned.toSeconds() / 60.0))
        .append(faults())
        .append(" faults, livelog started ").append(livelogStarts).append(" times\n")
        .append(testbed).append("\n\n");
    String format = "%-18s %8s %9s %17s %11s %6s %11s%n";
    b.append(String.format(Locale.ROOT, format, "fault", "injected", "written",
        "distinct stored", "rows stored", "lost", "duplicated"));
    for (Row r : rows) {
      b.append(line(format, r));
    }
    b.append(line(format, total));
    b.append(String.format(Locale.ROOT, "%ncopytruncate window: %d lines (written after the copy,"
        + " truncated away before livelog read them; on disk nowhere)%n", copytruncateWindow));
    b.append(String.format(Locale.ROOT, "corrupt rows: %d, dead letters: %d%n", corruptRows,
        deadLetters));
    problems.forEach(p -> b.append("problem: ").append(p).append('\n'));
    notes.forEach(n -> b.append("note: ").append(n).append('\n'));
    b.append(passed() ? "PASSED" : "FAILED").append(String.format(Locale.ROOT,
        ": %d lost, %d duplicated in %d faults%n", lost(), duplicated(), faults()));
    return b.toString();
  }

  private static String line(String format, Row r) {
    return String.format(Locale.ROOT, format, r.fault(), r.injected() < 0 ? "-" : r.injected(),
        r.written(), r.distinct(), r.stored(), r.lost(), r.duplicated());
  }
}
