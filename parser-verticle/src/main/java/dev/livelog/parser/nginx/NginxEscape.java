package dev.livelog.parser.nginx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How a log_format's {@code escape=} wrote variable values, and how to read them back.
 * nginx's default writes {@code "}, {@code \}, control bytes and bytes above 126 as
 * {@code \xHH} (a UTF-8 path arrives as {@code /caf\xC3\xA9}); Apache, whose combined format
 * the built-ins also read, writes {@code \"}, {@code \\} and {@code \n}-style escapes: the
 * default decoding reads both. {@code json} is JSON string escaping; {@code none} leaves
 * values as they are. Bytes that are not valid UTF-8 become U+FFFD, never an error.
 */
public enum NginxEscape {
  DEFAULT {
    @Override
    String decodeEscaped(String v, int firstBackslash) {
      StringBuilder out = new StringBuilder(v.length()).append(v, 0, firstBackslash);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int i = firstBackslash;
      while (i < v.length()) {
        char c = v.charAt(i);
        if (c == '\\' && isHexByte(v, i)) {
          bytes.reset();
          for (; isHexByte(v, i); i += 4) {
            bytes.write(Integer.parseInt(v, i + 2, i + 4, 16));
          }
          out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
          continue;
        }
        char escaped = c == '\\' && i + 1 < v.length() ? apacheEscape(v.charAt(i + 1)) : 0;
        if (escaped != 0) {
          out.append(escaped);
          i += 2;
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }
  },
  JSON {
    @Override
    String decodeEscaped(String v, int firstBackslash) {
      StringBuilder out = new StringBuilder(v.length()).append(v, 0, firstBackslash);
      int i = firstBackslash;
      while (i < v.length()) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length()) {
          char e = v.charAt(i + 1);
          if (e == 'u' && i + 5 < v.length() && isHex(v, i + 2, i + 6)) {
            out.append((char) Integer.parseInt(v, i + 2, i + 6, 16));
            i += 6;
            continue;
          }
          char escaped = jsonEscape(e);
          if (escaped != 0) {
            out.append(escaped);
            i += 2;
            continue;
          }
        }
        out.append(c);
        i++;
      }
      return out.toString();
    }
  },
  NONE {
    @Override
    String decodeEscaped(String v, int firstBackslash) {
      return v;
    }
  };

  /** The escaping named as in {@code escape=default|json|none}. */
  public static NginxEscape named(String name) {
    return switch (name) {
      case "default" -> DEFAULT;
      case "json" -> JSON;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("escape must be default, json or none, got '"
          + name + "'");
    };
  }

  /** The value as it was before nginx escaped it. */
  public String decode(String value) {
    int backslash = value.indexOf('\\');
    return backslash < 0 ? value : decodeEscaped(value, backslash);
  }

  abstract String decodeEscaped(String value, int firstBackslash);

  private static boolean isHexByte(String v, int i) {
    return i + 3 < v.length() && v.charAt(i) == '\\' && v.charAt(i + 1) == 'x'
        && isHex(v, i + 2, i + 4);
  }

  private static boolean isHex(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  private static char apacheEscape(char c) {
    return switch (c) {
      case '"', '\\' -> c;
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'f' -> '\f';
      case 'v' -> '\u000B';
      default -> 0;
    };
  }

  private static char jsonEscape(char c) {
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'f' -> '\f';
      case 'b' -> '\b';
      default -> 0;
    };
  }
}
