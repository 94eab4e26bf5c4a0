package dev.livelog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a redirect after signing in may go: a path on this server, whatever was asked for.
 * {@code //evil.example/x}, {@code /\evil.example}, {@code https://evil.example} and
 * {@code /a/../../x} all become paths here ({@code /evil.example/x}, {@code /evil.example},
 * {@code /}, {@code /x}): slashes and backslashes collapse into one, dot segments are
 * resolved, a fragment is dropped, and every character a URL must not carry raw (spaces,
 * line breaks, quotes, non-ASCII) is percent-encoded, so nothing can leave the site or the
 * {@code Location} header.
 */
final class LocalPath {
  private static final String PATH_SAFE = "-._~!$&'()*+,;=:@%";
  private static final String QUERY_SAFE = PATH_SAFE + "/?";

  private LocalPath() {}

  static String of(String target) {
    String t = target == null ? "" : target;
    int hash = t.indexOf('#');
    if (hash >= 0) {
      t = t.substring(0, hash);
    }
    int q = t.indexOf('?');
    String path = q < 0 ? t : t.substring(0, q);
    String query = q < 0 ? "" : t.substring(q + 1);
    if (!path.startsWith("/") && !path.startsWith("\\")) {
      return "/"; // relative, or an absolute URL with a scheme: not a path of this site
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("[/\\\\]+")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(encode(segment, PATH_SAFE));
      }
    }
    boolean trailingSlash = (path.endsWith("/") || path.endsWith("\\")) && !segments.isEmpty();
    return "/" + String.join("/", segments) + (trailingSlash ? "/" : "")
        + (query.isEmpty() ? "" : "?" + encode(query, QUERY_SAFE));
  }

  private static String encode(String text, String safe) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
