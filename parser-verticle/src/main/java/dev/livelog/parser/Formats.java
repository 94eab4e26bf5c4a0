package dev.livelog.parser;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.parser.derive.DerivingLineParser;
import dev.livelog.parser.json.JsonLineParser;
import dev.livelog.parser.nginx.NginxLineParser;
import dev.livelog.parser.nginx.NginxLogFormat;
import dev.livelog.parser.regex.NamedGroupRegex;
import dev.livelog.parser.regex.RegexLineParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The formats livelog knows by name and the compiler from a {@link FormatConfig} to a
 * {@link LineParser}. A config's own {@code formats} may add names, not replace built-ins.
 */
public final class Formats {
  /** The seed's cache log (nginx with {@code $upstream_cache_status}), as a seed-style regex. */
  public static final String SEED_CACHE_REGEX = String.join(" ",
      "\\*\\*\\*(?P<time>\\S+ -\\d{4})",
      "ups_ad: (?P<ups_ad>.*)",
      "ups_rt: (?P<ups_rt>.*)",
      "cache: (?P<status>HIT|MISS|EXPIRED|UPDATING|STALE|BYPASS|REVALIDATED|-)",
      "(?P<domain>\\S+)",
      "\"(?P<request>.*)\"",
      "\\((?P<http_status>\\d{3})\\)",
      "media: (?P<media>.*)",
      "wp_login: (?P<wp_login>.*)");

  private static final Map<String, Builtin> BUILTIN = new LinkedHashMap<>();

  /** A built-in format and what it is for, as {@code livelog formats} lists it. */
  public record Builtin(String name, String description, FormatConfig config) {}

  static {
    nginx("combined", "nginx's combined access log; also Apache's combined when its %l is -,"
            + " as by default",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\"");
    nginx("main", "nginx.conf's default 'main' format: combined plus X-Forwarded-For",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"");
    nginx("common", "Apache common log format (%h %l %u %t \"%r\" %>s %b)",
        "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
    nginx("apache_combined", "Apache's combined log format (%h %l %u %t \"%r\" %>s %b"
            + " \"%{Referer}i\" \"%{User-agent}i\"), with any %l (identd) value",
        "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\"");
    BUILTIN.put("json", new Builtin("json", "one JSON object per line (e.g. nginx escape=json);"
        + " every key is a field, nested keys dotted", FormatConfig.json(Map.of(), null)));
    BUILTIN.put("seed_cache", new Builtin("seed_cache",
        "the seed talk's nginx cache log: cache status, upstream address and response time",
        new FormatConfig(SEED_CACHE_REGEX, null, null,
            Map.of("time", "%d/%b/%Y:%H:%M:%S %z", "ups_rt", "seconds", "http_status", "int"),
            "time")));
  }

  private Formats() {}

  private static void nginx(String name, String description, String logFormat) {
    BUILTIN.put(name, new Builtin(name, description,
        new FormatConfig(null, logFormat, null, null, null)));
  }

  public static Map<String, Builtin> builtins() {
    return java.util.Collections.unmodifiableMap(BUILTIN);
  }

  /**
   * Resolves a source's format reference against the config's {@code formats} and the
   * built-ins.
   *
   * @throws ConfigException naming the known formats when the name is unknown
   */
  public static FormatConfig resolve(FormatRef ref, Map<String, FormatConfig> defined) {
    if (ref.inline() != null) {
      return ref.inline();
    }
    FormatConfig f = defined.get(ref.name());
    if (f == null && BUILTIN.containsKey(ref.name())) {
      f = BUILTIN.get(ref.name()).config();
    }
    if (f == null) {
      throw new ConfigException("", "unknown format '" + ref.name() + "'; built-in: "
          + String.join(", ", BUILTIN.keySet())
          + (defined.isEmpty() ? "" : "; defined under formats: " + String.join(", ", defined.keySet())));
    }
    return f;
  }

  /**
   * A new parser for a format (parsers are single-threaded: compile one per thread).
   *
   * @throws ConfigException naming the sub-field ({@code regex}, {@code types.x},
   *     {@code derive.x.regex}, ...) and why
   */
  public static LineParser compile(FormatConfig f) {
    int kinds = (f.regex() != null ? 1 : 0) + (f.nginx() != null ? 1 : 0)
        + (f.builtin() != null ? 1 : 0) + (f.json() != null ? 1 : 0);
    if (kinds != 1) {
      throw new ConfigException("", "set exactly one of regex, nginx, json or builtin");
    }
    if (!f.types().isEmpty() && f.nginx() != null) {
      throw new ConfigException("types", "types apply to regex and json formats; nginx"
          + " variables are typed by their names");
    }
    LineParser base;
    if (f.builtin() != null) {
      base = compile(withTypes(resolve(FormatRef.named(f.builtin()), Map.of()), f));
    } else if (f.nginx() != null) {
      base = nginx(f.nginx());
    } else if (f.json() != null) {
      base = json(f);
    } else {
      base = regex(f);
    }
    boolean knownFields = !(base instanceof JsonLineParser) || !base.schema().names().isEmpty();
    return DerivingLineParser.wrap(base, f.derive(), knownFields);
  }

  /** A built-in with the types and time field a config adds to it. */
  private static FormatConfig withTypes(FormatConfig builtin, FormatConfig added) {
    Map<String, String> types = new LinkedHashMap<>(builtin.types());
    types.putAll(added.types());
    return new FormatConfig(builtin.regex(), builtin.nginx(), null, builtin.json(), types,
        added.timeField(), builtin.derive());
  }

  private static LineParser nginx(String logFormat) {
    try {
      return new NginxLineParser(NginxLogFormat.parse(logFormat));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("nginx", e.getMessage());
    }
  }

  private static LineParser json(FormatConfig f) {
    f.json().forEach((field, key) -> {
      if (key == null || key.isBlank()) {
        throw new ConfigException("json." + field, "the JSON key holding '" + field
            + "' is required, e.g. " + field + ": upstream.response_time");
      }
    });
    Set<String> fields = f.json().isEmpty() ? null : f.json().keySet();
    return new JsonLineParser(f.json(), types(f.types(), fields), f.timeField());
  }

  private static LineParser regex(FormatConfig f) {
    NamedGroupRegex regex;
    try {
      regex = NamedGroupRegex.compile(f.regex());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("regex", e.getMessage());
    }
    return new RegexLineParser(regex, types(f.types(), new HashSet<>(regex.fields())), f.timeField());
  }

  /** Declared types by field; {@code fields}, when known, are the fields a type may name. */
  private static Map<String, ValueType> types(Map<String, String> declared, Set<String> fields) {
    Map<String, ValueType> types = new HashMap<>();
    declared.forEach((field, type) -> {
      if (fields != null && !fields.contains(field)) {
        throw new ConfigException("types." + field, "the format has no field '" + field
            + "'; its fields: " + String.join(", ", fields));
      }
      try {
        types.put(field, ValueTypes.named(type));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("types." + field, e.getMessage() + "; known types: "
            + ValueTypes.KNOWN);
      }
    });
    return types;
  }

  /** A new parser for a source of the config. */
  public static LineParser forSource(SourceConfig source, LivelogConfig config) {
    return compile(resolve(source.format(), config.formats()));
  }

  /**
   * Compiles every format of a config and every source's format, so that a bad regex or an
   * unknown format name is reported before anything starts.
   */
  public static void validate(LivelogConfig config) {
    config.formats().forEach((name, f) -> {
      if (BUILTIN.containsKey(name)) {
        throw new ConfigException("formats." + name, "'" + name
            + "' is a built-in format; give yours another name");
      }
      try {
        compile(f);
      } catch (ConfigException e) {
        throw e.under("formats." + name);
      }
    });
    for (int i = 0; i < config.sources().size(); i++) {
      SourceConfig s = config.sources().get(i);
      try {
        forSource(s, config);
      } catch (ConfigException e) {
        throw e.under("sources[" + i + "].format");
      }
    }
  }
}
