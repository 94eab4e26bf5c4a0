package dev.livelog.source.journald;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.livelog.common.event.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code journalctl -o json}: where it is in the journal (its cursor's sequence
 * id and number), its line (the configured field, {@code MESSAGE} by default) and its time.
 * journalctl writes a field that is not valid UTF-8 or holds control characters as an array
 * of byte values, and a field given several times as an array of its values (the first is the
 * line, as {@code -o cat} shows it).
 *
 * @param series the cursor's sequence id ({@code s=}): the entries of one journal share it
 * @param seqnum the cursor's sequence number ({@code i=}), rising within a series
 * @param line the field's text, or null when the entry does not have the field
 * @param time {@code _SOURCE_REALTIME_TIMESTAMP} (when the program logged), else
 *     {@code __REALTIME_TIMESTAMP} (when journald received it), in epoch milliseconds, or
 *     {@link LogEvent#NO_TIME}
 * @param cut whether the line was longer than the limit and cut
 */
record JournalEntry(String series, long seqnum, String line, long time,
    boolean cut) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern CURSOR = Pattern.compile("\"__CURSOR\"\\s*:\\s*\"([^\"]+)\"");

  /** A line that is not a journal entry. */
  static final class NotAnEntry extends Exception {
    NotAnEntry(String reason) {
      super(reason);
    }
  }

  /**
   * Reads one line of journalctl's JSON output.
   *
   * @param field the field that is the line
   * @param charset how a field written as bytes is decoded
   * @param maxChars lines longer than this are cut to it
   * @param whole false when the JSON line itself was cut at its limit: then only the cursor is
   *     read, and the line is the JSON's start, flagged as cut
   * @throws NotAnEntry when the line is not a JSON object with a cursor
   */
  static JournalEntry parse(String json, String field, Charset charset, int maxChars,
      boolean whole) throws NotAnEntry {
    if (!whole) {
      Matcher m = CURSOR.matcher(json);
      if (!m.find()) {
        throw new NotAnEntry("an entry longer than the limit, without a cursor at its start");
      }
      return at(m.group(1), json.substring(0, Math.min(json.length(), maxChars)), LogEvent.NO_TIME,
          true);
    }
    String cursor = null;
    String line = null;
    long source = LogEvent.NO_TIME;
    long received = LogEvent.NO_TIME;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new NotAnEntry("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("__CURSOR") && value == JsonToken.VALUE_STRING) {
          cursor = p.getText();
        } else if (name.equals(field)) {
          line = value(p, value, charset);
        } else if (name.equals("_SOURCE_REALTIME_TIMESTAMP")) {
          source = micros(p, value);
        } else if (name.equals("__REALTIME_TIMESTAMP")) {
          received = micros(p, value);
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new NotAnEntry("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (cursor == null) {
      throw new NotAnEntry("no __CURSOR");
    }
    boolean cut = line != null && line.length() > maxChars;
    return at(cursor, cut ? line.substring(0, maxChars) : line,
        source != LogEvent.NO_TIME ? source : received, cut);
  }

  private static JournalEntry at(String cursor, String line, long time, boolean cut)
      throws NotAnEntry {
    String series = null;
    long seqnum = -1;
    for (String part : cursor.split(";")) {
      if (part.startsWith("s=")) {
        series = part.substring(2);
      } else if (part.startsWith("i=")) {
        try {
          seqnum = Long.parseUnsignedLong(part.substring(2), 16);
        } catch (NumberFormatException e) {
          throw new NotAnEntry("a cursor whose i= is not a hexadecimal number: " + cursor);
        }
      }
    }
    if (series == null || series.isEmpty() || seqnum < 0) {
      throw new NotAnEntry("a cursor without s= and i=: " + cursor);
    }
    return new JournalEntry(series, seqnum, line, time, cut);
  }

  /** A string, bytes, or several values (the first). */
  private static String value(JsonParser p, JsonToken token, Charset charset) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (token != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    JsonToken first = p.nextToken();
    if (first == JsonToken.VALUE_NUMBER_INT) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (JsonToken t = first; t == JsonToken.VALUE_NUMBER_INT; t = p.nextToken()) {
        bytes.write(p.getIntValue());
      }
      return bytes.toString(charset);
    }
    String text = first == JsonToken.END_ARRAY ? null : value(p, first, charset);
    if (first != JsonToken.END_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
    }
    return text;
  }

  /** journalctl writes timestamps as decimal text in microseconds. */
  private static long micros(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
      p.skipChildren();
      return LogEvent.NO_TIME;
    }
    try {
      return Long.parseLong(p.getText().trim()) / 1000;
    } catch (NumberFormatException e) {
      return LogEvent.NO_TIME;
    }
  }
}
