package dev.livelog.common.bus;

import java.util.Map;
import java.util.Objects;

/**
 * Where a batch comes from: the source's id, the host it runs on, the path it follows, the
 * identity of the file behind that path (it changes when the file is rotated), and the name of
 * its format (null when the format is written inline in the source's config), so that a parser
 * can read a source it has no config for, such as a node-local source with a per-node id;
 * and fields every event of the file gets (captured from its path by a pattern source, such as
 * {@code vhost} of {@code /var/log/nginx/<vhost>.access.log}).
 */
public record SourceOrigin(String sourceId, String host, String path, String fileId, String format,
    Map<String, String> fields) {
  public SourceOrigin {
    Objects.requireNonNull(sourceId, "sourceId");
    host = host == null ? "" : host;
    path = path == null ? "" : path;
    fileId = fileId == null ? "" : fileId;
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  public SourceOrigin(String sourceId, String host, String path, String fileId, String format) {
    this(sourceId, host, path, fileId, format, Map.of());
  }

  public SourceOrigin(String sourceId, String host, String path, String fileId) {
    this(sourceId, host, path, fileId, null);
  }

  @Override
  public String toString() {
    return sourceId + " " + host + ":" + path + " (" + fileId + ")";
  }
}
