package dev.livelog.source;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.container.ContainerEnvelopes;
import java.util.Set;

/**
 * {@code stream: stdout} (or {@code stderr}) on a source whose format is in a container
 * runtime's envelope ({@code format: {cri: upstreaminfo}}): only that stream's lines are read;
 * the other's are skipped at the source and counted ({@code linesSkipped}), never stored nor
 * dead letters. ingress-nginx writes its access log to stdout, its error log and the
 * controller's own log to stderr.
 */
public final class ContainerStream {
  /** The key, for the {@code file} and {@code ssh} kinds. */
  public static final String KEY = "stream";
  private static final Set<String> STREAMS = Set.of("stdout", "stderr");

  private ContainerStream() {}

  /**
   * Checks the key, and that the source's format is in a container log's envelope.
   *
   * @throws ConfigException naming {@code stream} and the reason
   */
  public static void validate(SourceConfig source, LivelogConfig config) {
    if (!source.settings().containsKey(KEY)) {
      return;
    }
    String stream = source.text(KEY);
    String where = source.settings().get(KEY).where();
    if (!STREAMS.contains(stream)) {
      throw new ConfigException(KEY, "expected stdout or stderr, got '" + stream + "'" + where);
    }
    if (ContainerEnvelopes.of(source.format(), config.formats()).isEmpty()) {
      throw new ConfigException(KEY, "only for a container log's format, e.g. format: {cri:"
          + " upstreaminfo} or {docker: combined}" + where);
    }
  }

  /** The stream whose lines are read, or null for both. */
  public static String of(SourceConfig source) {
    return source.has(KEY) ? source.text(KEY) : null;
  }
}
