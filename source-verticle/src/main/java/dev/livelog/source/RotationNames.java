package dev.livelog.source;

import java.util.regex.Pattern;

/**
 * The names logrotate gives a log's rotations: the log's name, then a number or a date
 * ({@code dateext}), then {@code .gz} when compressed: {@code access.log.1},
 * {@code access.log.2.gz}, {@code access.log-20261207}.
 */
public final class RotationNames {
  private static final Pattern SUFFIX = Pattern.compile("[._-][0-9][0-9._-]*(\\.gz)?");

  private RotationNames() {}

  /** Whether {@code name} is a rotation of the log named {@code log}. */
  public static boolean isRotationOf(String name, String log) {
    return name.length() > log.length() && name.startsWith(log)
        && SUFFIX.matcher(name.substring(log.length())).matches();
  }

  /** Whether the file is compressed (a rotation only: it is never appended to). */
  public static boolean isCompressed(String name) {
    return name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".xz")
        || name.endsWith(".zst");
  }
}
