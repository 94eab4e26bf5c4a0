package dev.livelog.parser;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.kind.Kind;

/**
 * A format livelog knows by name ({@code format: combined}): one class, registered by one line
 * in {@code META-INF/services/dev.livelog.parser.BuiltinFormat}. {@code livelog formats} lists
 * them and format detection tries them, in registration order (on a tie, the first wins).
 */
public interface BuiltinFormat extends Kind {

  /** What the format is for, in one line. */
  String description();

  /** Its definition, as a config would write it under {@code formats}. */
  FormatConfig config();
}
