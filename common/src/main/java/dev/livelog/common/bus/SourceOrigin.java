package dev.livelog.common.bus;

import java.util.Objects;

/**
 * Where a batch comes from: the source's id, the host it runs on, the path it follows and the
 * identity of the file behind that path (it changes when the file is rotated).
 */
public record SourceOrigin(String sourceId, String host, String path, String fileId) {
  public SourceOrigin {
    Objects.requireNonNull(sourceId, "sourceId");
    host = host == null ? "" : host;
    path = path == null ? "" : path;
    fileId = fileId == null ? "" : fileId;
  }

  @Override
  public String toString() {
    return sourceId + " " + host + ":" + path + " (" + fileId + ")";
  }
}
