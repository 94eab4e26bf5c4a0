package dev.livelog.store.mongo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords that examples and templates ship ({@code change-me}, {@code password}, ...): a
 * MongoDB that takes one takes anybody who read the same template, so livelog refuses it
 * rather than connect. Compared case-insensitively, ignoring {@code -}, {@code _} and blanks.
 */
final class PlaceholderPasswords {
  private static final Set<String> KNOWN = Set.of("changeme", "changeit", "changethis",
      "replaceme", "password", "passw0rd", "pass", "secret", "example", "admin", "root", "mongo",
      "mongodb", "livelog", "test", "default", "yourpassword", "mypassword", "123456", "12345678",
      "xxx", "xxxx", "todo", "<password>");

  private PlaceholderPasswords() {}

  /** The password of {@code mongodb://user:password@host...} when it is a known placeholder. */
  static Optional<String> in(String uri) {
    return password(uri).filter(p -> KNOWN.contains(
        p.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "")));
  }

  /** The URI's password, decoded, or empty when it has none. */
  static Optional<String> password(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme < 0) {
      return Optional.empty();
    }
    String rest = uri.substring(scheme + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int at = rest.indexOf(c);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    int colon = at < 0 ? -1 : authority.indexOf(':');
    if (colon < 0 || colon > at) {
      return Optional.empty();
    }
    return Optional.of(URLDecoder.decode(authority.substring(colon + 1, at), StandardCharsets.UTF_8));
  }
}
