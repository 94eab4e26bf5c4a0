package dev.livelog.app.analyze;

import dev.livelog.analyzer.AnalyzerPlans;
import dev.livelog.analyzer.GroupPlan;
import dev.livelog.analyzer.GroupStats;
import dev.livelog.analyzer.TrafficSummary;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.Formats;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's share of an analysis: its own parser and plot-group plans (they are not
 * thread-safe), fed whole chunks of lines; merged with the other threads' at the end.
 */
final class ChunkAnalysis {
  static final int FAILURE_SAMPLES = 5;
  /** A failed line is shown by its first characters (a line can be megabytes long). */
  static final int FAILURE_LINE_CHARS = 2048;

  private final LineParser parser;
  private final List<GroupPlan> plans;
  private GroupStats[] groups;
  private final List<GroupPlan.Admissions> admissions;
  private final Charset charset;
  final TrafficSummary summary;
  final List<Failure> failures = new ArrayList<>();

  /** A line that did not parse: where it starts in the input, the reason, the line. */
  record Failure(int inputIndex, String input, long offset, String reason, String line) {}

  /** @param topKeys paths and clients held for the top lists (see {@link TrafficSummary}) */
  ChunkAnalysis(FormatConfig format, LivelogConfig config, Charset charset, int topKeys) {
    this.summary = new TrafficSummary(topKeys);
    this.parser = Formats.compile(format, config.formats());
    this.plans = AnalyzerPlans.compile(config);
    this.groups = plans.stream().map(GroupPlan::newStats).toArray(GroupStats[]::new);
    this.admissions = plans.stream().map(GroupPlan::newAdmissions).toList();
    this.charset = charset;
  }

  /** Parses every line of {@code chunk[0, length)}, which starts at {@code offset} of its input. */
  void process(int inputIndex, String input, byte[] chunk, int length, long offset) {
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i < length && chunk[i] != '\n') {
        continue;
      }
      int end = i > start && chunk[i - 1] == '\r' ? i - 1 : i;
      if (i < length || end > start) {
        line(inputIndex, input, new String(chunk, start, end - start, charset), offset + start);
      }
      start = i + 1;
    }
  }

  private void line(int inputIndex, String input, String line, long offset) {
    try {
      LogEvent e = parser.parse(line, input, offset);
      summary.addEvent(e);
      for (int g = 0; g < groups.length; g++) {
        plans.get(g).add(e, groups[g], admissions.get(g));
      }
    } catch (LineRejected r) {
      summary.addFailure();
      if (failures.size() < FAILURE_SAMPLES) {
        failures.add(new Failure(inputIndex, input, offset, r.describe(),
            line.length() > FAILURE_LINE_CHARS ? line.substring(0, FAILURE_LINE_CHARS) : line));
      }
    }
  }

  List<GroupPlan> plans() {
    return plans;
  }

  GroupStats[] groups() {
    return groups;
  }

  /** Adds the threads' results to this (empty) one. */
  void mergeAll(List<ChunkAnalysis> others) {
    for (ChunkAnalysis other : others) {
      summary.merge(other.summary);
      failures.addAll(other.failures);
    }
    for (int g = 0; g < groups.length; g++) {
      int group = g;
      groups[g] = plans.get(g).merged(others.stream().map(o -> o.groups[group]).toList());
    }
  }
}
