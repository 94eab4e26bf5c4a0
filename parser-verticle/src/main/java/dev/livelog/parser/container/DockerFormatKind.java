package dev.livelog.parser.container;

import dev.livelog.common.container.DockerEnvelope;

/** {@code docker: FORMAT}: Docker's json-file container logs ({@link DockerEnvelope}). */
public final class DockerFormatKind extends ContainerFormatKind {
  public DockerFormatKind() {
    super(new DockerEnvelope());
  }
}
