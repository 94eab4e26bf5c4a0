package dev.livelog.parser;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.kind.Kind;
import java.util.Set;

/**
 * A kind of format a config can write, e.g. {@code regex: ...}: one class, registered by one
 * line in {@code META-INF/services/dev.livelog.parser.FormatKind}. Its {@link #name()} is the
 * key that chooses it in a format mapping; it reads and checks its own settings (errors name
 * the key and the reason) and compiles them to a {@link LineParser}. The keys every kind shares
 * ({@code types}, {@code time_field}, {@code derive}) are in {@link FormatConfig}; fields are
 * derived after any kind's parser, by {@link Formats}.
 */
public interface FormatKind extends Kind {

  /** Keys this kind reads besides its name and the shared ones; any other key is an error. */
  default Set<String> otherKeys() {
    return Set.of();
  }

  /**
   * A new parser for a format of this kind (parsers are single-threaded: one per thread).
   *
   * @param scope the formats a format may name by name (a kind that wraps another format, such
   *     as a container envelope around nginx lines, compiles the inner one through it)
   * @throws dev.livelog.common.config.ConfigException naming the key ({@code regex},
   *     {@code json.code}, {@code types.x}, ...) and the reason
   */
  LineParser compile(FormatConfig format, FormatScope scope);

  /** What a format of this kind reads, in one line, as {@code livelog formats} shows it. */
  String definition(FormatConfig format);
}
