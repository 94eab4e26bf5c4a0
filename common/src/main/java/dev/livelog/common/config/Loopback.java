package dev.livelog.common.config;

import java.util.Locale;

/** Whether a host name or address means this machine only: what no other machine reaches. */
public final class Loopback {
  private Loopback() {}

  /** {@code localhost}, {@code 127.x.x.x} or {@code ::1} (bracketed or not). */
  public static boolean is(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}")
        || h.matches("(0{0,4}:){2,7}0{0,3}1") || h.equals("::1");
  }
}
