package dev.livelog.source;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.kind.Kinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registered {@link SourceKind}s: which kind a source is (its {@code kind}, or told from its
 * keys), the checks of each source's own keys, and the {@link LineSource}s sources read through.
 */
public final class SourceKinds {
  private static final Kinds<SourceKind> KINDS = Kinds.load(SourceKind.class, "source kind");

  private SourceKinds() {}

  /** The names of the registered kinds, in registration order. */
  public static Set<String> names() {
    return KINDS.names();
  }

  /**
   * Checks every source's kind and the keys that kind reads; the keys every source has are
   * checked by {@code StructureValidator}.
   *
   * @throws ConfigException naming the field ({@code sources[1].host}) and the reason
   */
  public static void validate(LivelogConfig config) {
    for (int i = 0; i < config.sources().size(); i++) {
      SourceConfig source = config.sources().get(i);
      try {
        SourceKind kind = kindOf(source);
        onlyKeysOf(kind, source);
        kind.validate(source, config);
      } catch (ConfigException e) {
        throw e.under("sources[" + i + "]");
      }
    }
  }

  /** The kind of a source that was validated. */
  public static SourceKind of(SourceConfig source) {
    try {
      return kindOf(source);
    } catch (ConfigException e) {
      throw e.under("source " + source.id());
    }
  }

  /** A new {@link LineSource} for each connection of a validated source. */
  public static Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    return of(source).lines(source, context);
  }

  /** The source's kind; errors name fields relative to the source. */
  private static SourceKind kindOf(SourceConfig source) {
    if (source.kind() != null) {
      return KINDS.named("kind", source.kind());
    }
    Set<String> known = new HashSet<>(SourceConfig.COMMON_KEYS);
    KINDS.all().forEach(kind -> known.addAll(kind.keys()));
    Setting.onlyKeys(source.settings(), known, "");
    List<SourceKind> fitting = KINDS.all().stream().filter(kind -> kind.recognises(source)).toList();
    if (fitting.size() != 1) {
      Set<String> mainKeys = new LinkedHashSet<>();
      KINDS.all().forEach(kind -> mainKeys.add("'" + kind.mainKey() + "'"));
      throw new ConfigException("", "set exactly one of " + either(mainKeys)
          + " (or set kind: one of " + String.join(", ", KINDS.names()) + ")");
    }
    return fitting.get(0);
  }

  /** A key the kind does not read is a mistake (a {@code command} on a {@code file} source). */
  private static void onlyKeysOf(SourceKind kind, SourceConfig source) {
    Set<String> allowed = new HashSet<>(SourceConfig.COMMON_KEYS);
    allowed.addAll(kind.keys());
    Setting.onlyKeys(source.settings(), allowed, " for a " + kind.name() + " source");
  }

  /** {@code 'path', 'unit' or 'command'}. */
  private static String either(Set<String> words) {
    List<String> list = new ArrayList<>(words);
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }
}
