package dev.livelog.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * A node's container logs as the kubelet keeps them, under a test's own {@code /var/log}: each
 * container's log at {@code pods/<namespace>_<pod>_<uid>/<container>/0.log}, written in the CRI
 * format as containerd writes it (lines over 16 KiB split into P parts), with a link
 * {@code containers/<pod>_<namespace>_<container>-<id>.log} to it; rotated as the kubelet
 * rotates ({@code 0.log} renamed {@code 0.log.<time>}, a new {@code 0.log}). Lines are
 * ingress-nginx's access lines ({@code upstreaminfo}), request {@code n} sending {@code n}
 * bytes.
 */
final class KubeletLogs {
  private static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  /** The test's {@code /var/log}. */
  final Path varLog;

  KubeletLogs(Path varLog) {
    this.varLog = varLog;
  }

  /** Where the links are: {@code /var/log/containers}. */
  Path containers() {
    return varLog.resolve("containers");
  }

  /** A new container's log file (its pod directory and its link made), empty. */
  Path container(String namespace, String pod, String container) throws Exception {
    UUID uid = UUID.nameUUIDFromBytes((namespace + "/" + pod).getBytes(StandardCharsets.UTF_8));
    Path dir = Files.createDirectories(
        varLog.resolve("pods/" + namespace + "_" + pod + "_" + uid + "/" + container));
    Path log = Files.createFile(dir.resolve("0.log"));
    byte[] id = new byte[32];
    new java.util.Random(uid.getMostSignificantBits() ^ container.hashCode()).nextBytes(id);
    Files.createDirectories(containers());
    Files.createSymbolicLink(containers().resolve(pod + "_" + namespace + "_" + container + "-"
        + HexFormat.of().formatHex(id) + ".log"), log);
    return log;
  }

  /** Rotates a container's log as the kubelet does: renamed {@code 0.log.<stamp>}, a new one. */
  static void rotate(Path log, String stamp) throws Exception {
    Files.move(log, log.resolveSibling(log.getFileName() + "." + stamp));
    Files.createFile(log);
  }

  /** Request {@code n}'s access line as ingress-nginx writes it, its path {@code pathLength} long. */
  static String access(int n, int pathLength) {
    String time = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(10).format(NGINX_TIME);
    String path = "/r/" + n + (pathLength > 0 ? "/" + "p".repeat(pathLength) : "");
    return "203.0.113." + (n % 250) + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" 200 "
        + n + " \"-\" \"curl/8.5.0\" 120 0.004 [shop-web-80] [] 10.244.1.7:8080, 10.244.2.9:8080"
        + " 0, " + n + " 0.001, 0.003 502, 200 req" + n;
  }

  /** The CRI lines containerd writes for one output line: 16 KiB parts, P then F. */
  static String cri(String stream, String line) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    do {
      int end = Math.min(line.length(), at + 16 * 1024);
      out.append("2026-12-07T10:00:00.000000001Z ").append(stream)
          .append(end < line.length() ? " P " : " F ").append(line, at, end).append('\n');
      at = end;
    } while (at < line.length());
    return out.toString();
  }

  /** Appends requests {@code from..to} to stdout, and an error line to stderr after every 10th. */
  static void requests(Path log, int from, int to) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int n = from; n <= to; n++) {
      text.append(cri("stdout", access(n, 0)));
      if (n % 10 == 0) {
        text.append(cri("stderr", "2026/12/07 10:00:00 [error] 31#31: *" + n
            + " upstream timed out (110: Connection timed out) while reading response header"));
      }
    }
    append(log, text.toString());
  }

  static void append(Path log, String text) throws Exception {
    Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
