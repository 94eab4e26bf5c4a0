package dev.livelog.parser.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A time written with a Python/C strptime pattern, as in the seed's settings
 * ({@code %d/%b/%Y:%H:%M:%S}). Without a zone directive the time is read in the machine's
 * zone, as the seed's Python did.
 */
public final class StrptimeParser implements TimeParser {
  private final String pattern;
  private final DateTimeFormatter formatter;
  private final boolean hasZone;
  private final ZoneId defaultZone;
  private String lastText;
  private long lastMillis;

  public StrptimeParser(String pattern, ZoneId defaultZone) {
    this.pattern = pattern;
    this.hasZone = pattern.contains("%z") || pattern.contains("%Z");
    this.formatter = toFormatter(pattern);
    this.defaultZone = defaultZone;
  }

  @Override
  public long parse(String text) {
    if (text.equals(lastText)) {
      return lastMillis;
    }
    try {
      TemporalAccessor t = formatter.parse(text.trim());
      long millis = hasZone ? Instant.from(t).toEpochMilli()
          : ZonedDateTime.of(LocalDateTime.from(t), defaultZone).toInstant().toEpochMilli();
      lastText = text;
      lastMillis = millis;
      return millis;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' does not match the time pattern '"
          + pattern + "' at character " + e.getErrorIndex());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a complete time for '"
          + pattern + "': " + e.getMessage());
    }
  }

  /** Translates strptime directives; unknown ones are refused when the format is compiled. */
  static DateTimeFormatter toFormatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        literal.append(c);
        continue;
      }
      if (i + 1 >= pattern.length()) {
        throw new IllegalArgumentException("time pattern ends with a lone '%'");
      }
      if (literal.length() > 0) {
        b.appendLiteral(literal.toString());
        literal.setLength(0);
      }
      char d = pattern.charAt(++i);
      switch (d) {
        case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'e' -> b.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
        case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'b', 'h' -> b.appendPattern("MMM");
        case 'B' -> b.appendPattern("MMMM");
        case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
        case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
        case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
        case 'p' -> b.appendPattern("a");
        case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
        case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
        case 'a' -> b.appendPattern("EEE");
        case 'A' -> b.appendPattern("EEEE");
        case 'z' -> b.appendOffset("+HHMM", "Z");
        case 'Z' -> b.appendZoneOrOffsetId();
        case 'T' -> b.appendPattern("HH:mm:ss");
        case 'F' -> b.appendPattern("yyyy-MM-dd");
        case '%' -> literal.append('%');
        default -> throw new IllegalArgumentException("unsupported time directive %" + d
            + " (supported: %d %e %m %b %B %Y %y %H %I %p %M %S %f %j %a %A %z %Z %T %F %%)");
      }
    }
    if (literal.length() > 0) {
      b.appendLiteral(literal.toString());
    }
    return b.toFormatter(Locale.ENGLISH);
  }
}
