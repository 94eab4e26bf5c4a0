package dev.livelog.source.glob;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.PipelineConfig;
import dev.livelog.common.config.Setting;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.redact.Redaction;
import dev.livelog.source.FollowedSource;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import dev.livelog.source.SourceKinds;
import dev.livelog.source.SourceVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source whose {@code path} is a pattern ({@link PathGlob}): lists the matching files every
 * discovery interval (here or on the source's host, {@link FileLister}), and follows each with
 * a {@link SourceVerticle} of its own: its own checkpoint (saved under
 * {@code <source id>|<path>}), identity, rotation and loss handling, exactly as a single-file
 * source. A file whose path is gone is read to its end and released (its checkpoint marked
 * released); files matching while livelog was stopped are found again from their checkpoints.
 * At most {@code max_files} are followed; the status says when more match. One status is
 * published for the source, with each file's under {@code files}.
 */
public final class FileSetVerticle extends VerticleBase implements FollowedSource {
  private static final Logger LOG = LoggerFactory.getLogger(FileSetVerticle.class);
  private static final long STATUS_EVERY_MILLIS = 2_000;
  private static final List<String> COUNTERS =
      List.of("linesSent", "bytesRead", "linesCut", "linesSkipped", "filesLost");
  /** Separates the source's id from a file's path in the file's checkpoint key. */
  static final String KEY_SEPARATOR = "|";

  private final SourceConfig config;
  private final PipelineConfig pipeline;
  private final SourceContext context;
  private final SourceKind kind;
  private final PathGlob glob;
  private final FileSetSelection selection;
  private final int maxFiles;
  private final long discoverMillis;
  private final FileLister lister;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private WorkerExecutor executor;
  private long timer;
  /** A store or listing request is under way. */
  private boolean listing;
  /** Whether the files with a checkpoint were loaded (retried until the store answers). */
  private boolean loaded;
  private boolean listedOnce;
  /** The last listing (or loading the checkpoints) failed: retried at the next interval. */
  private boolean failing;
  private boolean stopped;
  /** Whether files found now are new since livelog first followed the pattern (read from 0). */
  private boolean seenBefore;
  private int matching;
  private int left;
  private String lastError;
  private long lastErrorAt;
  private String previousError;
  private long previousErrorAt;
  private long since = System.currentTimeMillis();
  private long lastStatusAt;
  /** What released files read, so the source's counters never go back. */
  private final JsonObject released = new JsonObject();

  /** A followed file: its verticle, once deployed, and its captured fields. */
  private static final class Member {
    final SourceVerticle verticle;
    String deploymentId;
    boolean releasing;

    Member(SourceVerticle verticle) {
      this.verticle = verticle;
    }
  }

  public FileSetVerticle(SourceConfig config, PipelineConfig pipeline, SourceContext context) {
    this.config = config;
    this.pipeline = pipeline;
    this.context = context;
    this.kind = SourceKinds.of(config);
    this.glob = PathGlob.compile(config.text(kind.mainKey()));
    FileSetConfig set = FileSetConfig.of(config);
    this.maxFiles = set.maxFiles();
    this.selection = new FileSetSelection(glob, set.excludes(), maxFiles, set.pods());
    Discovery discovery = kind.files(config, context).orElseThrow();
    this.discoverMillis = Math.max(1_000, discovery.interval().toMillis());
    this.lister = discovery.lister();
  }

  @Override
  public Future<?> start() {
    executor = vertx.createSharedWorkerExecutor("livelog-files-" + config.id(), 1, 2,
        TimeUnit.MINUTES);
    timer = vertx.setPeriodic(0, discoverMillis, id -> tick());
    return Future.succeededFuture();
  }

  /**
   * Follows again the files that have a checkpoint, matching still or not (to finish them);
   * the set's own mark ({@code <id>|}) says it ran before, so files found now are new.
   */
  private void loadMembers() {
    step(this::checkpoints, found -> {
      loaded = true;
      for (Checkpoint cp : found) {
        String path = cp.sourceId().substring(config.id().length() + KEY_SEPARATOR.length());
        seenBefore = true;
        if (!path.isEmpty() && !cp.fileId().isEmpty()) {
          follow(path, true);
        }
      }
      discover();
    });
  }

  /** Runs one store or listing request at a time; one that fails is tried at the next tick. */
  private <T> void step(Supplier<Future<T>> request, Consumer<T> then) {
    if (listing) {
      return;
    }
    listing = true;
    request.get().onComplete(ar -> {
      listing = false;
      if (stopped) {
        return;
      }
      if (ar.failed()) {
        fail(ar.cause().getMessage());
      } else {
        then.accept(ar.result());
      }
    });
  }

  private Future<List<Checkpoint>> checkpoints() {
    JsonObject request = new JsonObject().put("op", "list")
        .put("prefix", config.id() + KEY_SEPARATOR);
    return vertx.eventBus().<JsonObject>request(Addresses.CHECKPOINTS, request,
            new DeliveryOptions().setSendTimeout(10_000))
        .map(reply -> {
          List<Checkpoint> list = new ArrayList<>();
          JsonArray rows = reply.body().getJsonArray("checkpoints", new JsonArray());
          rows.forEach(row -> list.add(Checkpoint.fromJson((JsonObject) row)));
          return list;
        })
        .recover(e -> Future.failedFuture("cannot load the checkpoints from the store: "
            + e.getMessage()));
  }

  private void tick() {
    if (stopped) {
      return;
    }
    releaseEnded();
    if (loaded) {
      discover();
    } else {
      loadMembers();
    }
    long now = System.currentTimeMillis();
    if (now - lastStatusAt >= STATUS_EVERY_MILLIS) {
      publishStatus(now);
    }
  }

  private void discover() {
    step(() -> executor.executeBlocking(
        () -> lister.list(glob.base(), glob.depth(), selection::wants)), listed -> {
      listedOnce = true;
      failing = false;
      FileSetSelection.Result result = selection.select(listed, members.keySet());
      matching = result.matching();
      left = result.left();
      boolean fromStart = seenBefore || config.fromStart();
      result.added().keySet().forEach(path -> follow(path, fromStart));
      if (!seenBefore) {
        seenBefore = true;
        saveCheckpoint(new Checkpoint(config.id() + KEY_SEPARATOR, "", 0,
            System.currentTimeMillis()));
      }
      setError(result.capped() ? FileSetSelection.cappedMessage(maxFiles, left) : null);
    });
  }

  /** Loading or listing failed: said once per distinct error, tried again at the next tick. */
  private void fail(String error) {
    if (!error.equals(lastError)) {
      LOG.warn("source {}: {}; trying again every {} ms", config.id(), error, discoverMillis);
    }
    failing = true;
    setError(error);
  }

  /** The set's own error; once over, it is kept with its time as the previous one. */
  private void setError(String error) {
    boolean changed = error == null ? lastError != null : !error.equals(lastError);
    if (!changed) {
      return;
    }
    long now = System.currentTimeMillis();
    if (error == null) {
      previousError = lastError;
      previousErrorAt = lastErrorAt;
    }
    lastError = error;
    lastErrorAt = now;
    since = now;
    publishStatus(now);
  }

  private void follow(String path, boolean fromStart) {
    if (members.containsKey(path)) {
      return;
    }
    SourceConfig file = fileConfig(path, fromStart);
    SourceVerticle verticle = SourceVerticle.member(file, pipeline, context,
        kind.memberLines(file, context), config.id() + KEY_SEPARATOR + path,
        glob.match(path).orElse(Map.of()));
    Member member = new Member(verticle);
    members.put(path, member);
    LOG.info("source {}: following {}", config.id(), path);
    vertx.deployVerticle(verticle).onComplete(ar -> {
      if (ar.succeeded()) {
        member.deploymentId = ar.result();
        if (stopped) {
          vertx.undeploy(ar.result());
        }
      } else {
        members.remove(path);
        LOG.warn("source {}: cannot follow {}: {}", config.id(), path, ar.cause().getMessage());
      }
    });
  }

  /** The source's config with one file for its path. */
  private SourceConfig fileConfig(String path, boolean fromStart) {
    Map<String, Setting> settings = new LinkedHashMap<>(config.settings());
    settings.put(kind.mainKey(), Setting.of(path));
    return new SourceConfig(config.id(), kind.name(), config.format(), config.encoding(),
        fromStart ? "start" : "end", settings);
  }

  /** Undeploys the files whose path is gone and that were read to their end. */
  private void releaseEnded() {
    for (Map.Entry<String, Member> entry : List.copyOf(members.entrySet())) {
      Member member = entry.getValue();
      if (member.deploymentId == null || member.releasing || !member.verticle.hasEnded()) {
        continue;
      }
      member.releasing = true;
      String path = entry.getKey();
      JsonObject last = member.verticle.status();
      for (String counter : COUNTERS) {
        released.put(counter, released.getLong(counter, 0L) + last.getLong(counter, 0L));
      }
      vertx.undeploy(member.deploymentId)
          .compose(v -> release(path))
          .onComplete(ar -> {
            members.remove(path);
            LOG.info("source {}: {} is gone and was read to its end: released", config.id(), path);
          });
    }
  }

  /** Marks a file's checkpoint released: a file at that path later is new, read from 0. */
  private Future<Void> release(String path) {
    return saveCheckpoint(new Checkpoint(config.id() + KEY_SEPARATOR + path, "", 0,
        System.currentTimeMillis()));
  }

  private Future<Void> saveCheckpoint(Checkpoint checkpoint) {
    return vertx.eventBus().request(Addresses.CHECKPOINTS, checkpoint.toJson().put("op", "save"))
        .<Void>mapEmpty().recover(e -> {
          LOG.warn("source {}: checkpoint not saved: {}", config.id(), e.getMessage());
          return Future.succeededFuture();
        });
  }

  private void publishStatus(long now) {
    lastStatusAt = now;
    vertx.eventBus().publish(Addresses.SOURCE_STATUS, status());
  }

  @Override
  public JsonObject status() {
    JsonArray files = new JsonArray();
    long linesSent = released.getLong("linesSent", 0L);
    long bytesRead = released.getLong("bytesRead", 0L);
    long linesCut = released.getLong("linesCut", 0L);
    long linesSkipped = released.getLong("linesSkipped", 0L);
    long filesLost = released.getLong("filesLost", 0L);
    long inFlight = 0;
    long behind = 0;
    JsonObject lastLost = null;
    for (Member member : List.copyOf(members.values())) {
      JsonObject file = member.verticle.status();
      files.add(file);
      linesSent += file.getLong("linesSent", 0L);
      bytesRead += file.getLong("bytesRead", 0L);
      linesCut += file.getLong("linesCut", 0L);
      linesSkipped += file.getLong("linesSkipped", 0L);
      filesLost += file.getLong("filesLost", 0L);
      inFlight += file.getLong("inFlight", 0L);
      Long fileBehind = file.getLong("bytesBehind");
      behind = behind < 0 || fileBehind == null || fileBehind < 0 ? -1 : behind + fileBehind;
      if (file.getJsonObject("lastLost") != null) {
        lastLost = file.getJsonObject("lastLost");
      }
    }
    return new JsonObject()
        .put("id", config.id())
        .put("host", kind.host(config))
        .put("path", glob.toString())
        .put("state", stopped ? "stopped" : failing ? "backing-off"
            : listedOnce ? "streaming" : "connecting")
        .put("since", since)
        .put("lastError", Redaction.uris(lastError))
        .put("lastErrorAt", lastError == null ? null : lastErrorAt)
        .put("previousError", Redaction.uris(previousError))
        .put("previousErrorAt", previousError == null ? null : previousErrorAt)
        .put("filesFollowed", files.size())
        .put("filesMatching", matching)
        .put("maxFiles", maxFiles)
        .put("capped", left > 0)
        .put("files", files)
        .put("inFlight", inFlight)
        .put("bytesBehind", behind < 0 ? null : behind)
        .put("linesSent", linesSent)
        .put("bytesRead", bytesRead)
        .put("linesCut", linesCut)
        .put("linesSkipped", linesSkipped)
        .put("filesLost", filesLost)
        .put("lastLost", lastLost)
        .put("time", System.currentTimeMillis());
  }

  @Override
  public boolean isStreaming() {
    return listedOnce && !failing && members.values().stream()
        .allMatch(m -> m.verticle.isStreaming() || m.verticle.hasEnded());
  }

  @Override
  public double meanRoundTripSeconds() {
    return members.values().stream().mapToDouble(m -> m.verticle.meanRoundTripSeconds())
        .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    List<Future<?>> undeployed = new ArrayList<>();
    for (Member member : members.values()) {
      if (member.deploymentId != null) {
        undeployed.add(vertx.undeploy(member.deploymentId).recover(e -> Future.succeededFuture()));
      }
    }
    return Future.join(undeployed)
        .eventually(() -> vertx.executeBlocking(() -> {
          lister.close();
          return null;
        }, false))
        .eventually(() -> executor.close());
  }

  /** For tests: how long between two listings. */
  Duration discoverInterval() {
    return Duration.ofMillis(discoverMillis);
  }
}
