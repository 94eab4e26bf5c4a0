package dev.livelog.source;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.kind.Kind;
import dev.livelog.source.glob.Discovery;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A kind of source ({@code file}, {@code ssh}, {@code command}, {@code stdin}, ...): the keys it
 * reads in a source's config, how a source that does not name its {@code kind} is recognised
 * as one, their checks, and the {@link LineSource} it reads through. A new kind is one class
 * implementing this, registered by one line in
 * {@code META-INF/services/dev.livelog.source.SourceKind}; {@link SourceKinds} finds it.
 *
 * <p>Errors a kind throws name fields relative to the source ({@code path}, {@code host}):
 * {@link SourceKinds} puts {@code sources[i].} in front.
 */
public interface SourceKind extends Kind {

  /** The keys this kind reads, besides those of every source ({@link SourceConfig#COMMON_KEYS}). */
  Set<String> keys();

  /**
   * The key that says what a source of this kind reads ({@code path}, {@code command}): a
   * source whose kind cannot be told is asked for one of these.
   */
  String mainKey();

  /**
   * Whether a source that does not name its kind is of this one, from its keys. The built-in
   * kinds never both recognise the same source; when two do, the source must name its kind.
   */
  boolean recognises(SourceConfig source);

  /**
   * Checks the source's keys of this kind (required ones, values, references to hosts).
   *
   * @throws ConfigException naming the key (relative to the source) and the reason
   */
  void validate(SourceConfig source, LivelogConfig config);

  /**
   * How to read a valid source of this kind: a new {@link LineSource} for each connection
   * (a reconnect opens a new one). Nothing is opened yet.
   */
  Supplier<LineSource> lines(SourceConfig source, SourceContext context);

  /**
   * For a source whose main key is a path pattern ({@code /var/log/nginx/*.access.log}): how
   * its files are listed. Empty (the default) when the kind reads no files; such a source is
   * followed by a {@code FileSetVerticle}, one {@link #memberLines} per file.
   */
  default Optional<Discovery> files(SourceConfig source, SourceContext context) {
    return Optional.empty();
  }

  /**
   * How to read one file of a pattern source ({@code file} is the source with that file as its
   * path): as {@link #lines}, except that the stream ENDs once the file is gone from its path
   * and was read to its end, so a removed file is released.
   */
  default Supplier<LineSource> memberLines(SourceConfig file, SourceContext context) {
    return lines(file, context);
  }

  /** The host the source reads from, for its status before it first opens. */
  default String host(SourceConfig source) {
    return "localhost";
  }

  /** The path or command the source reads, for its status before it first opens. */
  default String path(SourceConfig source) {
    return source.text(mainKey());
  }

  /**
   * Whether, in a cluster, exactly one node follows the source (it reads another machine,
   * which every node reaches alike) instead of every node that has it in its config (a local
   * file is each node's own).
   */
  default boolean followedByOneNode(SourceConfig source) {
    return false;
  }

  /** The local file whose first lines {@code check-config} parses as a sample, when there is one. */
  default Optional<Path> sampleFile(SourceConfig source) {
    return Optional.empty();
  }
}
