package dev.livelog.parser.time;

import java.time.LocalDate;

/**
 * nginx's {@code $time_local} and the common log format's time, {@code 10/Oct/2000:13:55:36
 * -0700}, read by hand and in place: the hot path of every nginx and Apache format, where a
 * general {@code DateTimeFormatter} would cost several times more. The last time and the last
 * day are remembered, as consecutive lines mostly share them.
 */
public final class NginxLocalTimeParser implements TimeParser {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final int LENGTH = 26;
  private static final int NO_ZONE = Integer.MIN_VALUE;

  private String lastText;
  private long lastMillis;
  private String lastDay;
  private long lastDayEpochSecond;

  @Override
  public long parse(String text) {
    return parse(text, 0, text.length());
  }

  @Override
  public long parse(String line, int start, int end) {
    if (end - start == LENGTH && lastText != null && line.regionMatches(start, lastText, 0, LENGTH)) {
      return lastMillis;
    }
    if (end - start != LENGTH || line.charAt(start + 2) != '/' || line.charAt(start + 6) != '/'
        || line.charAt(start + 11) != ':' || line.charAt(start + 14) != ':'
        || line.charAt(start + 17) != ':' || line.charAt(start + 20) != ' ') {
      throw new IllegalArgumentException(
          "not a time like 10/Oct/2000:13:55:36 -0700: '" + line.substring(start, end) + "'");
    }
    long daySecond = dayEpochSecond(line, start);
    int hour = digits(line, start + 12, 2);
    int minute = digits(line, start + 15, 2);
    int second = digits(line, start + 18, 2);
    int zone = zoneSeconds(line, start + 21);
    if (hour < 0 || minute < 0 || second < 0 || zone == NO_ZONE) {
      throw new IllegalArgumentException("not a time like 10/Oct/2000:13:55:36 -0700: '"
          + line.substring(start, end) + "'");
    }
    if (hour > 23 || minute > 59 || second > 60) {
      throw new IllegalArgumentException("time of day out of range: '"
          + line.substring(start, end) + "'");
    }
    lastMillis = (daySecond + hour * 3600L + minute * 60L + second - zone) * 1000L;
    lastText = line.substring(start, end);
    return lastMillis;
  }

  private long dayEpochSecond(String line, int start) {
    if (lastDay == null || !line.regionMatches(start, lastDay, 0, 11)) {
      int day = digits(line, start, 2);
      int month = MONTHS.indexOf(line.substring(start + 3, start + 6));
      if (month < 0 || month % 3 != 0) {
        throw new IllegalArgumentException("unknown month in '" + line.substring(start, start + 11) + "'");
      }
      int year = digits(line, start + 7, 4);
      if (day < 0 || year < 0) {
        throw new IllegalArgumentException("not a date like 10/Oct/2000: '"
            + line.substring(start, start + 11) + "'");
      }
      try {
        lastDayEpochSecond = LocalDate.of(year, month / 3 + 1, day).toEpochDay() * 86_400L;
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("no such date: '" + line.substring(start, start + 11) + "'");
      }
      lastDay = line.substring(start, start + 11);
    }
    return lastDayEpochSecond;
  }

  /** The zone offset {@code +hhmm} or {@code -hhmm} in seconds, or {@link #NO_ZONE}. */
  private static int zoneSeconds(String text, int at) {
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 3, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
      return NO_ZONE;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The number written with {@code count} digits at {@code at}, or -1. */
  private static int digits(String text, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
