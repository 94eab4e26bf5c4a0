package dev.livelog.common.kind;

/**
 * Something livelog has several kinds of, chosen by name in the config: a source kind, a format
 * kind, a store kind, a metric. Each kind is one class, registered by one line in its module's
 * {@code META-INF/services} file (see {@link Kinds}).
 */
public interface Kind {
  /** The name the config uses for this kind, e.g. {@code file} or {@code percentile}. */
  String name();
}
