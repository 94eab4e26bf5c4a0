package dev.livelog.parser;

import dev.livelog.parser.nginx.NginxLogFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes log lines the way nginx and Apache do, from a format definition and the values of
 * its variables: so tests use lines made from the documented definitions, not copied logs.
 */
final class LogLineWriter {
  /** How the server escapes a value. */
  enum Escape {
    /** nginx's default: {@code "}, {@code \}, bytes below 32 and above 126 as {@code \xHH}. */
    NGINX,
    /** nginx's escape=json. */
    JSON,
    /** Apache's mod_log_config: {@code \"}, {@code \\}, {@code \n}-style, other bytes {@code \xhh}. */
    APACHE,
    NONE
  }

  private LogLineWriter() {}

  /** The line for a log_format and the values of its variables (missing ones are written "-"). */
  static String line(String logFormat, Map<String, String> values, Escape escape) {
    StringBuilder out = new StringBuilder();
    for (NginxLogFormat.Segment s : NginxLogFormat.parse(logFormat).segments()) {
      if (s.isVariable()) {
        out.append(escape(values.getOrDefault(s.variable(), "-"), escape));
      } else {
        out.append(s.literal());
      }
    }
    return out.toString();
  }

  static String escape(String value, Escape escape) {
    if (escape == Escape.NONE) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      switch (escape) {
        case NGINX -> {
          if (c == '"' || c == '\\' || c < 32 || c > 126) {
            out.append(String.format("\\x%02X", c));
          } else {
            out.append((char) c);
          }
        }
        case JSON -> {
          if (c == '"' || c == '\\') {
            out.append('\\').append((char) c);
          } else if (c == '\n') {
            out.append("\\n");
          } else if (c < 32) {
            out.append(String.format("\\u%04X", c));
          } else {
            out.append((char) c); // bytes above 127 are written as they are: UTF-8 in the line
          }
        }
        default -> {
          if (c == '"' || c == '\\') {
            out.append('\\').append((char) c);
          } else if (c == '\n') {
            out.append("\\n");
          } else if (c == '\t') {
            out.append("\\t");
          } else if (c < 32 || c > 126) {
            out.append(String.format("\\x%02x", c));
          } else {
            out.append((char) c);
          }
        }
      }
    }
    return escape == Escape.JSON ? new String(latin1ToBytes(out), StandardCharsets.UTF_8) : out.toString();
  }

  /** The JSON escaping above kept UTF-8 bytes as chars 128-255; turn them back into text. */
  private static byte[] latin1ToBytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
