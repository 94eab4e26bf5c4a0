package dev.livelog.parser.nginx;

import dev.livelog.parser.ValueType;
import dev.livelog.parser.ValueTypes;
import dev.livelog.parser.time.NginxLocalTimeParser;
import dev.livelog.parser.time.TimeParsers;
import java.util.Set;

/**
 * The types of well-known nginx variables, so a pasted log_format (or a JSON log keyed by
 * variable names) yields typed fields: times, integers, seconds; the rest stays text. The
 * upstream module's variables hold one value per server tried ({@link ValueTypes#perTry}).
 */
public final class NginxVariables {
  private static final Set<String> INTEGERS = Set.of("status", "body_bytes_sent", "bytes_sent",
      "request_length", "connection", "connection_requests", "content_length", "remote_port",
      "server_port", "pid");
  private static final Set<String> SECONDS = Set.of("request_time", "session_time",
      "connection_time");
  private static final Set<String> TIMES = Set.of("time_local", "time_iso8601", "msec");
  /** Written once per upstream tried, besides {@code $upstream_*_time}. */
  private static final Set<String> PER_TRY_INTEGERS = Set.of("upstream_status",
      "upstream_response_length", "upstream_bytes_received", "upstream_bytes_sent");
  private static final ValueType PER_TRY_INTEGER = ValueTypes.perTry(ValueTypes.INTEGER);
  private static final ValueType PER_TRY_TEXT = ValueTypes.perTry(ValueTypes.TEXT);

  private NginxVariables() {}

  /** The converter for a variable, or null when it stays text. */
  public static ValueType typeOf(String variable) {
    if (INTEGERS.contains(variable)) {
      return ValueTypes.INTEGER;
    }
    if (SECONDS.contains(variable) || isUpstreamTime(variable)) {
      return ValueTypes.SECONDS;
    }
    if (PER_TRY_INTEGERS.contains(variable)) {
      return PER_TRY_INTEGER;
    }
    return switch (variable) {
      case "gzip_ratio" -> ValueTypes.NUMBER;
      case "upstream_addr" -> PER_TRY_TEXT;
      case "time_local" -> ValueTypes.time(new NginxLocalTimeParser());
      case "time_iso8601" -> ValueTypes.time(TimeParsers.iso8601());
      case "msec" -> ValueTypes.time(TimeParsers.remembering(TimeParsers::parseEpochSeconds));
      default -> null;
    };
  }

  public static boolean isTime(String variable) {
    return TIMES.contains(variable);
  }

  /**
   * Whether nginx writes the variable once per upstream tried, joined by {@code ", "} and
   * {@code " : "}: its value may contain blanks.
   */
  public static boolean isPerTry(String variable) {
    return variable.equals("upstream_addr") || PER_TRY_INTEGERS.contains(variable)
        || isUpstreamTime(variable);
  }

  private static boolean isUpstreamTime(String variable) {
    return variable.startsWith("upstream_") && variable.endsWith("_time");
  }
}
