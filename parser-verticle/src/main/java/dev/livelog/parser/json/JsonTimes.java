package dev.livelog.parser.json;

import dev.livelog.parser.time.NginxLocalTimeParser;
import dev.livelog.parser.time.TimeParser;
import dev.livelog.parser.time.TimeParsers;
import java.time.Instant;

/**
 * The event time of a JSON line from its time field, whatever its form: an instant already
 * typed, ISO-8601 or nginx's local time as text, or seconds (or milliseconds, when too large
 * to be seconds) since the epoch as a number.
 */
final class JsonTimes {
  private static final double LARGEST_SECONDS = 1e11; // year 5138: larger counts are millis

  private final TimeParser iso = TimeParsers.iso8601();
  private final NginxLocalTimeParser local = new NginxLocalTimeParser();
  /** The last text that was no time: a field that is not one fails once, not on every line. */
  private String lastFailed;

  /** The instant a value stands for, or null when it is not a time. */
  Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Instant.ofEpochMilli(Math.round(Math.abs(d) >= LARGEST_SECONDS ? d : d * 1000));
    }
    if (value instanceof String s && !s.equals(lastFailed)) {
      try {
        return Instant.ofEpochMilli(iso.parse(s));
      } catch (IllegalArgumentException notIso) {
        try {
          return Instant.ofEpochMilli(local.parse(s));
        } catch (IllegalArgumentException | IndexOutOfBoundsException notLocal) {
          lastFailed = s;
          return null;
        }
      }
    }
    return null;
  }
}
