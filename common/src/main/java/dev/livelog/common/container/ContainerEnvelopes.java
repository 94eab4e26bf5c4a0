package dev.livelog.common.container;

import dev.livelog.common.config.FormatConfig;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.kind.Kinds;
import java.util.Map;
import java.util.Optional;

/** The registered {@link ContainerEnvelope}s, and which one wraps a source's format. */
public final class ContainerEnvelopes {
  private static final Kinds<ContainerEnvelope> ENVELOPES =
      Kinds.load(ContainerEnvelope.class, "container envelope");

  private ContainerEnvelopes() {}

  public static Kinds<ContainerEnvelope> all() {
    return ENVELOPES;
  }

  /**
   * The envelope a format is wrapped in ({@code {cri: upstreaminfo}}), looking a named format up
   * in the config's {@code formats}; empty for other formats (and the built-ins, none of
   * which is wrapped).
   */
  public static Optional<ContainerEnvelope> of(FormatRef ref, Map<String, FormatConfig> formats) {
    FormatConfig format = ref.inline() != null ? ref.inline() : formats.get(ref.name());
    if (format == null) {
      return Optional.empty();
    }
    return format.settings().keySet().stream().map(ENVELOPES::find)
        .flatMap(Optional::stream).findFirst();
  }
}
