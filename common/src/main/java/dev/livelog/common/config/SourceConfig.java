package dev.livelog.common.config;

/**
 * One followed log: a local file ({@code path}, or {@code -} for standard input), a file on a
 * declared SSH {@code host} ({@code host} + {@code path}), or a command's output
 * ({@code command}, run locally, or on the host with {@code host}); read with a
 * format, in an encoding, from the end (new lines only) or from the start.
 */
public record SourceConfig(
    String id,
    String host,
    String path,
    String command,
    FormatRef format,
    String encoding,
    String from) {

  public SourceConfig {
    encoding = encoding == null ? "UTF-8" : encoding;
    from = from == null ? "end" : from;
  }

  public static SourceConfig file(String id, String path, String format, String from) {
    return new SourceConfig(id, null, path, null, FormatRef.named(format), null, from);
  }

  /** {@code path: "-"}: livelog's standard input, e.g. {@code journalctl -f | livelog run}. */
  public boolean readsStdin() {
    return "-".equals(path) && command == null;
  }

  public boolean fromStart() {
    return "start".equals(from);
  }
}
