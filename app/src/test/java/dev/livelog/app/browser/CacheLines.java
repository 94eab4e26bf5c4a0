package dev.livelog.app.browser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lines of the seed's nginx cache log with values a test can work out by hand. */
final class CacheLines {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.ofHours(-8));

  private CacheLines() {}

  static String line(Instant t, String status, boolean media, String upstream, String rt) {
    return line(t, status, media, upstream, rt, "www.example.com");
  }

  /** A line for the virtual host {@code domain}. */
  static String line(Instant t, String status, boolean media, String upstream, String rt, String domain) {
    return "***" + TIME.format(t) + " ups_ad: " + upstream + " ups_rt: " + rt + " cache: " + status
        + " " + domain + " \"GET /p/ HTTP/1.1\" (200) media: " + (media ? 1 : 0) + " wp_login: ";
  }

  /**
   * Ten non-media requests (6 HIT, 3 MISS, 1 EXPIRED: cache0 60 / 30 / 10 %) and four media
   * ones; upstream 10.0.0.1 averages 0.2 s, 10.0.0.2 0.5 s.
   */
  static List<String> sample(Instant t) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add(line(t, "HIT", false, "-", "-"));
    }
    lines.add(line(t, "MISS", false, "10.0.0.1:80", "0.100"));
    lines.add(line(t, "MISS", false, "10.0.0.1:80", "0.300"));
    lines.add(line(t, "MISS", false, "10.0.0.2:80", "0.500"));
    lines.add(line(t, "EXPIRED", false, "10.0.0.2:80", "0.500"));
    for (int i = 0; i < 4; i++) {
      lines.add(line(t, "MISS", true, "10.0.0.1:80", "0.200"));
    }
    return lines;
  }
}
