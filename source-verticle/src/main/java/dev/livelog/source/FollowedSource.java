package dev.livelog.source;

import dev.livelog.common.config.PipelineConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.glob.FileSetVerticle;
import dev.livelog.source.glob.PathGlob;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/**
 * A configured source as a node deploys it: a {@link SourceVerticle} for one file, command or
 * stream, or a {@link FileSetVerticle} for a path pattern, which follows each matching file
 * with a {@code SourceVerticle} of its own. Status and metrics read it the same way.
 */
public interface FollowedSource extends Deployable {

  /** The verticle to deploy for a validated source. */
  static FollowedSource of(SourceConfig source, PipelineConfig pipeline, SourceContext context) {
    SourceKind kind = SourceKinds.of(source);
    String main = source.text(kind.mainKey());
    if (main != null && PathGlob.isGlob(main) && kind.files(source, context).isPresent()) {
      return new FileSetVerticle(source, pipeline, context);
    }
    return new SourceVerticle(source, pipeline, context);
  }

  /** The deployment's id once deployed. */
  String deploymentID();

  /** The source's status, as published on {@code livelog.status.sources}. */
  JsonObject status();

  /** Whether the source reads as it should (for readiness). */
  boolean isStreaming();

  /** Mean time from sending a batch to the parser's reply, in seconds (NaN before any). */
  double meanRoundTripSeconds();
}
