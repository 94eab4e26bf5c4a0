package dev.livelog.source;

import dev.livelog.common.config.LivelogConfig;
import java.io.InputStream;
import java.util.Map;

/**
 * What a source kind may need to open its sources besides the source's own config: the whole
 * config (declared hosts), the environment (secrets named by the config) and livelog's
 * standard input.
 */
public record SourceContext(LivelogConfig config, Map<String, String> env, InputStream stdin) {

  /** This process's environment and standard input. */
  public static SourceContext of(LivelogConfig config) {
    return new SourceContext(config, System.getenv(), System.in);
  }
}
