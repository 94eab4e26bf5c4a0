package dev.livelog.parser;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;

/** The formats a format can name: the config's own (under {@code formats}) and the built-ins. */
public interface FormatScope {

  /**
   * The format a reference names, or the inline one it holds.
   *
   * @throws dev.livelog.common.config.ConfigException listing the known names when it is unknown
   */
  FormatConfig resolve(FormatRef ref);

  /** A new parser for a format, its derived fields included. */
  LineParser compile(FormatConfig format);
}
