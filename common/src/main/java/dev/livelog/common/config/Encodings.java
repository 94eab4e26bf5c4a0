package dev.livelog.common.config;

import java.nio.charset.Charset;

/** Encoding names as Java and as the seed's Python settings write them ({@code latin-1}). */
public final class Encodings {
  private Encodings() {}

  /** The charset for a name, accepting Python spellings such as {@code latin-1} and {@code utf8}. */
  public static Charset forName(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      String squeezed = name.replace("-", "").replace("_", "");
      if (Charset.isSupported(squeezed)) {
        return Charset.forName(squeezed);
      }
      throw new IllegalArgumentException("unknown encoding '" + name + "'");
    }
  }
}
