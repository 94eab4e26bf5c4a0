package dev.livelog.app.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Invents realistic lines of the seed's nginx cache log: a WordPress site behind an nginx cache
 * with three upstream servers of different speed, mostly cache hits, some media, a few
 * logged-in users (who bypass the cache) and the odd error.
 */
public final class CacheLogGenerator {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.ofHours(-8));
  private static final String[] UPSTREAMS = {"10.0.0.11:8080", "10.0.0.12:8080", "10.0.0.13:8080"};
  private static final double[] UPSTREAM_MEDIAN = {0.080, 0.140, 0.350};
  private static final String[] STATUSES = {"HIT", "MISS", "EXPIRED", "UPDATING", "STALE"};
  private static final double[] STATUS_WEIGHTS = {0.72, 0.16, 0.07, 0.03, 0.02};

  private final Random random;

  public CacheLogGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** One line at the given time. */
  public String line(Instant time) {
    boolean media = random.nextDouble() < 0.3;
    boolean loggedIn = !media && random.nextDouble() < 0.08;
    String status = loggedIn ? "MISS" : pick(STATUSES, STATUS_WEIGHTS);
    boolean upstream = !status.equals("HIT");
    int server = random.nextInt(UPSTREAMS.length);
    String path = media
        ? "/wp-content/uploads/2026/11/photo-" + random.nextInt(400) + ".jpg"
        : "/2026/11/post-" + random.nextInt(60) + "/";
    int httpStatus = random.nextDouble() < 0.01 ? 502 : random.nextDouble() < 0.03 ? 404 : 200;
    return "***" + TIME.format(time)
        + " ups_ad: " + (upstream ? UPSTREAMS[server] : "-")
        + " ups_rt: " + (upstream ? String.format(Locale.ROOT, "%.3f", responseTime(server)) : "-")
        + " cache: " + status
        + " www.example.com"
        + " \"GET " + path + " HTTP/1.1\""
        + " (" + httpStatus + ")"
        + " media: " + (media ? "1" : "0")
        + " wp_login: " + (loggedIn ? "editor" + random.nextInt(5) + "%7C1764" : "");
  }

  private double responseTime(int server) {
    // Log-normal around the server's median: mostly quick, with a long tail.
    return UPSTREAM_MEDIAN[server] * Math.exp(random.nextGaussian() * 0.5);
  }

  private String pick(String[] values, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
