package dev.livelog.common.bus;

import java.util.Objects;

/**
 * Where a batch comes from: the source's id, the host it runs on, the path it follows, the
 * identity of the file behind that path (it changes when the file is rotated), and the name of
 * its format (null when the format is written inline in the source's config), so that a parser
 * can read a source it has no config for, such as a node-local source with a per-node id.
 */
public record SourceOrigin(String sourceId, String host, String path, String fileId, String format) {
  public SourceOrigin {
    Objects.requireNonNull(sourceId, "sourceId");
    host = host == null ? "" : host;
    path = path == null ? "" : path;
    fileId = fileId == null ? "" : fileId;
  }

  public SourceOrigin(String sourceId, String host, String path, String fileId) {
    this(sourceId, host, path, fileId, null);
  }

  @Override
  public String toString() {
    return sourceId + " " + host + ":" + path + " (" + fileId + ")";
  }
}
