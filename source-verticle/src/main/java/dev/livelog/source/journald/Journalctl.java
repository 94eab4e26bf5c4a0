package dev.livelog.source.journald;

import dev.livelog.common.redact.Redaction;
import dev.livelog.source.ssh.TailScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code journalctl} command lines a journald source runs: the program (possibly with a
 * prefix such as {@code sudo -n}), its unit and matches, and where to start. Arguments are
 * quoted for {@code sh}, which runs them locally and on SSH hosts alike.
 *
 * @param program the program and any words before its options, as the config wrote it
 */
record Journalctl(String program, String unit, List<String> matches) {

  /** Every entry in JSON, long and binary fields included, nothing but entries on stdout. */
  private static final String OUTPUT = "--output=json --all --quiet --no-pager";

  /** Follows from the first entry the journal holds. */
  String followAll() {
    return follow("--no-tail");
  }

  /**
   * Follows from the first entry of a series numbered {@code position} or more (a cursor
   * naming only the sequence: {@code --cursor=s=ID;i=HEX}). Not {@code --after-cursor}:
   * journalctl skips one entry after seeking to it, whichever entry the seek found, so with a
   * unit or matches, the cursor of an entry they leave out would lose the next one. A series
   * the journal no longer holds starts at the journal's head.
   */
  String followFrom(String series, long position) {
    return follow("--cursor=" + TailScript.quote("s=" + series + ";i="
        + Long.toHexString(position)));
  }

  /** The newest entry, and exit: where a first start "from the end" begins. */
  String newest() {
    return program + " " + OUTPUT + " --lines=1" + selection();
  }

  private String follow(String start) {
    return program + " --follow " + OUTPUT + " " + start + selection();
  }

  private String selection() {
    List<String> words = new ArrayList<>();
    if (unit != null) {
      words.add("--unit=" + TailScript.quote(unit));
    }
    matches.forEach(m -> words.add(TailScript.quote(m)));
    return words.isEmpty() ? "" : " " + String.join(" ", words);
  }

  /**
   * What the status, logs and errors show: the program redacted as a command source's is
   * ({@link Redaction#command}: words after it may hold a credential), the unit and matches.
   */
  String describe() {
    return shownProgram() + (unit == null ? "" : " --unit=" + unit)
        + (matches.isEmpty() ? "" : " " + String.join(" ", matches));
  }

  /** The program as messages show it. */
  String shownProgram() {
    return Redaction.command(program);
  }
}
