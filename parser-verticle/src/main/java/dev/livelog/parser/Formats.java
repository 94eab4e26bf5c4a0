package dev.livelog.parser;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.kind.Kinds;
import dev.livelog.parser.derive.DerivingLineParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From a config's formats to {@link LineParser}s: the registered {@link FormatKind}s (which
 * kind a format mapping is, and its compiler) and {@link BuiltinFormat}s (the names a source
 * may use without defining them). A config's own {@code formats} may add names, not replace
 * built-ins.
 */
public final class Formats {
  private static final Kinds<FormatKind> KINDS = Kinds.load(FormatKind.class, "format kind");
  private static final Kinds<BuiltinFormat> BUILTINS =
      Kinds.load(BuiltinFormat.class, "built-in format");

  private Formats() {}

  /** The format kinds, in registration order. */
  public static Kinds<FormatKind> kinds() {
    return KINDS;
  }

  /** The built-in formats, in registration order. */
  public static Kinds<BuiltinFormat> builtins() {
    return BUILTINS;
  }

  /**
   * The kind of a format: the one registered kind its keys name.
   *
   * @throws ConfigException when no key or several name a kind, or a key belongs to no kind
   *     (listing the registered kinds), or to another kind than the format's
   */
  public static FormatKind kindOf(FormatConfig format) {
    List<FormatKind> named = new ArrayList<>();
    format.settings().keySet().forEach(key -> KINDS.find(key).ifPresent(named::add));
    if (named.size() != 1) {
      if (named.isEmpty() && !format.settings().isEmpty()) {
        String key = format.settings().keySet().iterator().next();
        KINDS.named(key, key); // throws, listing the kinds
      }
      throw new ConfigException("", "set exactly one of " + orList(KINDS.names()));
    }
    FormatKind kind = named.get(0);
    for (String key : format.settings().keySet()) {
      if (!key.equals(kind.name()) && !kind.otherKeys().contains(key)) {
        Set<String> keys = new LinkedHashSet<>(List.of(kind.name()));
        keys.addAll(kind.otherKeys());
        keys.addAll(FormatConfig.SHARED_KEYS);
        throw new ConfigException(key, "not a key of a " + kind.name() + " format; its keys: "
            + String.join(", ", keys));
      }
    }
    return kind;
  }

  /** {@code a, b, c or d}. */
  private static String orList(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    int last = list.size() - 1;
    return last <= 0 ? String.join("", list)
        : String.join(", ", list.subList(0, last)) + " or " + list.get(last);
  }

  /**
   * A new parser for a format that names nothing but built-ins (parsers are single-threaded:
   * compile one per thread).
   *
   * @throws ConfigException naming the sub-field ({@code regex}, {@code types.x},
   *     {@code derive.x.regex}, ...) and why
   */
  public static LineParser compile(FormatConfig format) {
    return compile(format, Map.of());
  }

  /** A new parser for a format that may name the config's {@code formats}. */
  public static LineParser compile(FormatConfig format, Map<String, FormatConfig> defined) {
    return new Scope(defined).compile(format);
  }

  /**
   * Resolves a source's format reference against the config's {@code formats} and the
   * built-ins.
   *
   * @throws ConfigException naming the known formats when the name is unknown
   */
  public static FormatConfig resolve(FormatRef ref, Map<String, FormatConfig> defined) {
    return new Scope(defined).resolve(ref);
  }

  /** A new parser for a source of the config. */
  public static LineParser forSource(SourceConfig source, LivelogConfig config) {
    return compile(resolve(source.format(), config.formats()), config.formats());
  }

  /**
   * Compiles every format of a config and every source's format, so that a bad regex or an
   * unknown format name is reported before anything starts.
   */
  public static void validate(LivelogConfig config) {
    config.formats().forEach((name, f) -> {
      if (BUILTINS.find(name).isPresent()) {
        throw new ConfigException("formats." + name, "'" + name
            + "' is a built-in format; give yours another name");
      }
      try {
        compile(f, config.formats());
      } catch (ConfigException e) {
        throw e.under("formats." + name);
      }
    });
    for (int i = 0; i < config.sources().size(); i++) {
      try {
        forSource(config.sources().get(i), config);
      } catch (ConfigException e) {
        throw e.under("sources[" + i + "].format");
      }
    }
  }

  /**
   * For each regex-driven format a config uses or defines, which engine runs it and why: its
   * defined formats by name, then the built-ins and inline formats its sources use.
   */
  public static Map<String, String> regexEngines(LivelogConfig config) {
    Map<String, LineParser> parsers = new LinkedHashMap<>();
    config.formats().forEach((name, f) -> parsers.put("format " + name, compile(f, config.formats())));
    for (SourceConfig source : config.sources()) {
      FormatRef ref = source.format();
      if (ref.inline() != null) {
        parsers.put("source " + source.id() + " (inline format)", forSource(source, config));
      } else if (!config.formats().containsKey(ref.name())) {
        parsers.computeIfAbsent("format " + ref.name() + " (built-in)", k -> forSource(source, config));
      }
    }
    Map<String, String> engines = new LinkedHashMap<>();
    parsers.forEach((what, parser) -> parser.regexEngine().ifPresent(e -> engines.put(what, e)));
    return engines;
  }

  /** The config's own formats and the built-ins, as the format kinds see them. */
  private record Scope(Map<String, FormatConfig> defined) implements FormatScope {
    @Override
    public FormatConfig resolve(FormatRef ref) {
      if (ref.inline() != null) {
        return ref.inline();
      }
      FormatConfig f = defined.get(ref.name());
      if (f != null) {
        return f;
      }
      return BUILTINS.find(ref.name()).map(BuiltinFormat::config).orElseThrow(() ->
          new ConfigException("", "unknown format '" + ref.name() + "'; built-in: "
              + String.join(", ", BUILTINS.names()) + (defined.isEmpty() ? ""
              : "; defined under formats: " + String.join(", ", defined.keySet()))));
    }

    @Override
    public LineParser compile(FormatConfig format) {
      LineParser base = kindOf(format).compile(format, this);
      // A format whose fields come from its lines (JSON without a mapping) has none yet.
      boolean knownFields = !base.schema().names().isEmpty();
      return DerivingLineParser.wrap(base, format.derive(), knownFields);
    }
  }
}
