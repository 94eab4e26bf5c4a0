package dev.livelog.parser.time;

import java.time.LocalDate;

/**
 * nginx's {@code $time_local} and the common log format's time, {@code 10/Oct/2000:13:55:36
 * -0700}, read by hand: the hot path of every nginx and Apache format, where a general
 * {@code DateTimeFormatter} would cost several times more.
 */
public final class NginxLocalTimeParser implements TimeParser {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private String lastText;
  private long lastMillis;
  private String lastDayPrefix;
  private long lastDayEpochSecond;

  @Override
  public long parse(String text) {
    if (text.equals(lastText)) {
      return lastMillis;
    }
    if (text.length() != 26 || text.charAt(2) != '/' || text.charAt(6) != '/'
        || text.charAt(11) != ':' || text.charAt(14) != ':' || text.charAt(17) != ':'
        || text.charAt(20) != ' ') {
      throw new IllegalArgumentException(
          "not a time like 10/Oct/2000:13:55:36 -0700: '" + text + "'");
    }
    long daySecond = dayEpochSecond(text);
    int hour = digits(text, 12, 2);
    int minute = digits(text, 15, 2);
    int second = digits(text, 18, 2);
    int zone = zoneSeconds(text, 21);
    if (hour > 23 || minute > 59 || second > 60) {
      throw new IllegalArgumentException("time of day out of range: '" + text + "'");
    }
    lastMillis = (daySecond + hour * 3600L + minute * 60L + second - zone) * 1000L;
    lastText = text;
    return lastMillis;
  }

  private long dayEpochSecond(String text) {
    String prefix = text.substring(0, 11);
    if (!prefix.equals(lastDayPrefix)) {
      int day = digits(text, 0, 2);
      int month = MONTHS.indexOf(text.substring(3, 6));
      if (month < 0 || month % 3 != 0) {
        throw new IllegalArgumentException("unknown month in '" + text + "'");
      }
      int year = digits(text, 7, 4);
      try {
        lastDayEpochSecond = LocalDate.of(year, month / 3 + 1, day).toEpochDay() * 86_400L;
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("no such date: '" + text + "'");
      }
      lastDayPrefix = prefix;
    }
    return lastDayEpochSecond;
  }

  static int zoneSeconds(String text, int at) {
    char sign = text.charAt(at);
    if (sign != '+' && sign != '-') {
      throw new IllegalArgumentException("zone must be +hhmm or -hhmm: '" + text + "'");
    }
    int seconds = digits(text, at + 1, 2) * 3600 + digits(text, at + 3, 2) * 60;
    return sign == '-' ? -seconds : seconds;
  }

  static int digits(String text, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("expected a digit at " + i + " in '" + text + "'");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
