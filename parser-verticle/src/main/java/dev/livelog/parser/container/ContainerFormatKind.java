package dev.livelog.parser.container;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.container.ContainerEnvelope;
import dev.livelog.parser.FormatKind;
import dev.livelog.parser.FormatScope;
import dev.livelog.parser.LineParser;

/**
 * A format wrapped in a container runtime's envelope: {@code {cri: upstreaminfo}},
 * {@code {docker: {nginx: '...'}}}. The wrapped format (a name or inline) reads the program's
 * line; the envelope adds {@code stream}, the runtime's time when the line has none, and the
 * pod and container from a kubelet's log path ({@link ContainerLineParser}). The source joins
 * the parts of split lines before parsing ({@code ContainerLines}). One subclass per
 * {@link ContainerEnvelope}, naming it.
 */
public abstract class ContainerFormatKind implements FormatKind {
  private final ContainerEnvelope envelope;

  protected ContainerFormatKind(ContainerEnvelope envelope) {
    this.envelope = envelope;
  }

  @Override
  public String name() {
    return envelope.name();
  }

  @Override
  public LineParser compile(FormatConfig format, FormatScope scope) {
    if (!format.types().isEmpty()) {
      throw new ConfigException("types", "types belong to the format inside the envelope,"
          + " e.g. {" + name() + ": {regex: ..., types: {...}}}");
    }
    FormatConfig inner;
    try {
      inner = scope.resolve(format.formatRef(name()));
    } catch (ConfigException e) {
      throw e.field().isEmpty() ? new ConfigException(name(), e.reason()) : e;
    }
    try {
      return new ContainerLineParser(envelope, scope.compile(inner));
    } catch (ConfigException e) {
      throw e.under(name());
    }
  }

  @Override
  public String definition(FormatConfig format) {
    return envelope.name() + " container log around " + format.settings().get(name());
  }
}
