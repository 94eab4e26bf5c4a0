package dev.livelog.parser.container;

import dev.livelog.common.container.CriEnvelope;

/** {@code cri: FORMAT}: containerd's and CRI-O's container logs ({@link CriEnvelope}). */
public final class CriFormatKind extends ContainerFormatKind {
  public CriFormatKind() {
    super(new CriEnvelope());
  }
}
