package dev.livelog.source;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.bus.SourceOrigin;
import dev.livelog.common.bus.StoredAck;
import dev.livelog.common.config.Encodings;
import dev.livelog.common.config.PipelineConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.common.container.ContainerEnvelope;
import dev.livelog.common.container.ContainerEnvelopes;
import dev.livelog.common.redact.Redaction;
import dev.livelog.common.retry.Backoff;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link LineSource}: reads on a worker thread, cuts lines, sends batches on
 * {@code livelog.lines} and keeps at most {@code in_flight} of them unacknowledged by the
 * store. Reading pauses while the window is full, so a slow parser or store slows the source
 * instead of filling memory. Acknowledgements on {@code livelog.stored} advance the
 * checkpoint, saved through the store; after a failure the source goes back to the checkpoint
 * and sends again (the store ignores what it already has).
 *
 * <p>Every blocking call of the source (connecting, reading, seeking) runs on the source's own
 * worker thread, not Vert.x's shared pool: an SSH host that takes its connect timeout to fail
 * holds only its own thread, so 50 hosts, some dead, never starve each other or the rest of
 * the process. Reads return at once (sources drain their streams on their own threads).
 */
public final class SourceVerticle extends VerticleBase implements FollowedSource {
  private static final Logger LOG = LoggerFactory.getLogger(SourceVerticle.class);
  private static final long POLL_MILLIS = 100;
  /** After data, an empty read retries soon and backs off to POLL_MILLIS: a stream that is
   * momentarily drained (an SSH channel between two frames) is not left waiting 100 ms. */
  private static final long FIRST_IDLE_MILLIS = 1;
  private static final long ACK_TIMEOUT_MILLIS = 60_000;
  private static final long CHECKPOINT_EVERY_MILLIS = 1_000;
  private static final long STATUS_EVERY_MILLIS = 2_000;
  private static final long DRAIN_MILLIS = 5_000;
  /** A connection that streamed this long counts as healthy: the next failure backs off from the start. */
  private static final long STABLE_MILLIS = 10_000;

  private final SourceConfig config;
  private final String hostLabel;
  private final String pathLabel;
  private final PipelineConfig pipeline;
  private final Supplier<LineSource> sourceFactory;
  /** Where the checkpoint is kept: the source's id, or {@code <id>|<path>} for a file of a set. */
  private final String checkpointKey;
  /** Whether this verticle publishes its status (a file of a set is reported by the set). */
  private final boolean publishes;
  /**
   * For a file of a set: appended to file identities, so the event ids of two files of the set
   * never meet (an inode freed by one file's deletion is often the next new file's).
   */
  private final String fileTag;
  /** Fields every event of this file gets (a file of a set: its path's captures). */
  private final Map<String, String> fields;
  /** The container runtime's envelope around the format's lines, whose parts are joined. */
  private final Optional<ContainerEnvelope> envelope;
  private final Backoff backoff = Backoff.equalJitter(500, 30_000);
  private final SourceCounters counters = new SourceCounters();
  private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);

  private volatile LineSource source;
  private LineSplitter splitter;
  /** How the current connection's reads become lines: {@link LineSource#framer}. */
  private LineFramer framer;
  private BatchBuilder builder;
  private InFlightWindow window;
  private SourceOrigin origin;
  private Fingerprint.Builder fingerprint;
  private MessageConsumer<JsonObject> acks;
  private WorkerExecutor executor;
  private volatile SourceState state = SourceState.CONNECTING;
  private long stateSince = System.currentTimeMillis();
  private long streamingSince;
  private String lastError;
  private long lastErrorAt;
  private String previousError;
  private long previousErrorAt;
  private LineSource.ReadStatus pendingSwitch;
  private boolean reading;
  private int epoch;
  private boolean pumpScheduled;
  private long idleDelay = FIRST_IDLE_MILLIS;
  private volatile boolean stopped;
  private long lastSavedCheckpoint = -1;
  private long lastCheckpointAt;
  private long housekeepingTimer;

  /** A validated source, read through the {@link LineSource}s of its kind. */
  public SourceVerticle(SourceConfig config, PipelineConfig pipeline, SourceContext context) {
    this(config, pipeline, SourceKinds.lines(config, context),
        ContainerEnvelopes.of(config.format(), context.config().formats()), config.id(), true, "",
        Map.of());
  }

  /**
   * A source read through the given {@link LineSource}s, a new one for each connection; its
   * format, when it names one, is one a container envelope does not wrap.
   */
  public SourceVerticle(SourceConfig config, PipelineConfig pipeline,
      Supplier<LineSource> sourceFactory) {
    this(config, pipeline, sourceFactory, ContainerEnvelopes.of(config.format(), Map.of()),
        config.id(), true, "", Map.of());
  }

  private SourceVerticle(SourceConfig config, PipelineConfig pipeline,
      Supplier<LineSource> sourceFactory, Optional<ContainerEnvelope> envelope,
      String checkpointKey, boolean publishes, String fileTag, Map<String, String> fields) {
    this.config = config;
    this.envelope = envelope;
    SourceKind kind = SourceKinds.of(config);
    this.hostLabel = kind.host(config);
    this.pathLabel = kind.path(config);
    this.pipeline = pipeline;
    this.sourceFactory = sourceFactory;
    this.checkpointKey = checkpointKey;
    this.publishes = publishes;
    this.fileTag = fileTag;
    this.fields = fields;
  }

  /**
   * One file of a set ({@code FileSetVerticle}): events under the set's id, the checkpoint
   * under {@code checkpointKey}, the status reported by the set, {@code fields} added to every
   * event.
   */
  public static SourceVerticle member(SourceConfig file, PipelineConfig pipeline,
      SourceContext context, Supplier<LineSource> sourceFactory, String checkpointKey,
      Map<String, String> fields) {
    byte[] key = checkpointKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new SourceVerticle(file, pipeline, sourceFactory,
        ContainerEnvelopes.of(file.format(), context.config().formats()), checkpointKey, false,
        "@" + Fingerprint.of(key, key.length).hash().substring(0, 8), fields);
  }

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    executor = vertx.createSharedWorkerExecutor("livelog-source-" + config.id(), 1, 2,
        TimeUnit.MINUTES);
    splitter = new LineSplitter(Encodings.forName(config.encoding()), pipeline.maxLineLength());
    builder = new BatchBuilder(pipeline.batchLines(), pipeline.batchDelay().toMillis());
    acks = vertx.eventBus().consumer(Addresses.STORED, m -> onStored(StoredAck.fromJson(m.body())));
    housekeepingTimer = vertx.setPeriodic(250, id -> housekeeping());
    connect();
    return acks.completion();
  }

  /** Whether the source is connected and reading (for readiness). */
  @Override
  public boolean isStreaming() {
    return state == SourceState.STREAMING;
  }

  /** Whether the stream ended for good and everything read was stored. */
  public boolean hasEnded() {
    return state == SourceState.ENDED && builder.size() == 0 && (window == null || window.isEmpty());
  }

  @Override
  public double meanRoundTripSeconds() {
    return counters.meanRoundTripSeconds();
  }

  /** Counters of this source, for status and metrics. */
  public SourceCounters counters() {
    return counters;
  }

  private void connect() {
    if (stopped) {
      return;
    }
    setState(SourceState.CONNECTING, null);
    loadCheckpoint()
        .compose(cp -> executor.executeBlocking(() -> openSource(cp)))
        .onSuccess(start -> {
          if (stopped) {
            return; // stopped while connecting: stop() closes the source
          }
          window = new InFlightWindow(pipeline.inFlight(), start.offset());
          fingerprint = new Fingerprint.Builder(Fingerprint.parse(start.fingerprint()));
          splitter.reset();
          LineFramer lines = source.framer(splitter);
          framer = envelope.<LineFramer>map(e -> new ContainerLines(e, lines,
              pipeline.maxLineLength(), ContainerStream.of(config))).orElse(lines);
          origin = new SourceOrigin(config.id(), source.host(), source.path(),
              start.fileId() + fileTag, config.format().name(), fields);
          saveCheckpoint(true);
          streaming();
          LOG.info("source {} following {}:{} from offset {}", config.id(), source.host(),
              source.path(), start.offset());
          reportLosses();
          pump();
        })
        .onFailure(this::retryLater);
  }

  private Checkpoint openSource(Checkpoint checkpoint) throws Exception {
    if (source != null) {
      source.close();
    }
    LineSource opened = sourceFactory.get();
    source = opened;
    if (stopped) {
      throw new IllegalStateException("stopped");
    }
    return opened.open(checkpoint);
  }

  private Future<Checkpoint> loadCheckpoint() {
    JsonObject request = new JsonObject().put("op", "load").put("source", checkpointKey);
    return vertx.eventBus().<JsonObject>request(Addresses.CHECKPOINTS, request,
            new DeliveryOptions().setSendTimeout(10_000))
        .map(reply -> reply.body().isEmpty() ? null : untagged(Checkpoint.fromJson(reply.body())))
        .recover(e -> Future.failedFuture("cannot load the checkpoint from the store: "
            + e.getMessage()));
  }

  /** The checkpoint as the source knows it: its file identity without this file's tag. */
  private Checkpoint untagged(Checkpoint cp) {
    String fileId = cp.fileId();
    if (fileTag.isEmpty() || fileId == null || !fileId.endsWith(fileTag)) {
      return cp;
    }
    return new Checkpoint(cp.sourceId(), fileId.substring(0, fileId.length() - fileTag.length()),
        cp.offset(), cp.updatedAt(), cp.fingerprint());
  }

  private void retryLater(Throwable error) {
    if (stopped) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    setState(SourceState.BACKING_OFF, describe(error));
    LOG.warn("source {}: {}; retrying in {} ms", config.id(), error.getMessage(), delay);
    vertx.setTimer(delay, id -> connect());
  }

  /** The read loop: send what is due, then read more if the window has room. */
  private void pump() {
    pumpScheduled = false;
    if (!stopped && state == SourceState.ENDED) {
      sendDueBatches(Long.MAX_VALUE); // what an ended stream left waits for room in the window
      return;
    }
    if (stopped || state != SourceState.STREAMING || reading) {
      return;
    }
    sendDueBatches(System.currentTimeMillis());
    if (pendingSwitch != null) {
      if (builder.size() == 0 && window.isEmpty()) {
        switchFile();
      }
      return;
    }
    if (!window.hasRoom() || builder.isFull()) {
      return;
    }
    reading = true;
    int readEpoch = epoch;
    long at = source.offset();
    executor.executeBlocking(this::readChunk).onComplete(ar -> {
      reading = false;
      if (readEpoch != epoch) {
        return; // the source went back to its checkpoint meanwhile: this read is void
      }
      if (ar.failed()) {
        fail(ar.cause());
        return;
      }
      afterRead(ar.result(), at);
    });
  }

  /** On a worker thread: only the read itself; lines are cut on the event loop. */
  private LineSource.ReadStatus readChunk() throws Exception {
    buffer.clear();
    return source.read(buffer);
  }

  private void afterRead(LineSource.ReadStatus status, long at) {
    if (status == LineSource.ReadStatus.DATA
        || System.currentTimeMillis() - streamingSince >= STABLE_MILLIS) {
      backoff.reset();
    }
    switch (status) {
      case DATA -> {
        framer.feed(buffer.array(), buffer.position(), at, builder);
        fingerprint.read(buffer.array(), buffer.position(), at);
        counters.bytesRead(buffer.position());
        idleDelay = FIRST_IDLE_MILLIS;
        schedulePump(0);
      }
      case IDLE -> {
        schedulePump(idleDelay);
        idleDelay = Math.min(POLL_MILLIS, idleDelay * 2);
      }
      case ROTATED, TRUNCATED -> {
        LOG.info("source {}: file {} ({}), finishing it first", config.id(),
            status == LineSource.ReadStatus.ROTATED ? "rotated" : "truncated", source.fileId());
        framer.flushPartial(source.offset(), builder);
        pendingSwitch = status;
        schedulePump(0);
      }
      case ENDED -> {
        framer.flushPartial(source.offset(), builder);
        sendDueBatches(Long.MAX_VALUE);
        setState(SourceState.ENDED, null);
      }
    }
  }

  private void switchFile() {
    reading = true;
    executor.executeBlocking(source::follow).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        fail(ar.cause());
        return;
      }
      pendingSwitch = null;
      framer.reset();
      window.reset(ar.result().offset());
      fingerprint = new Fingerprint.Builder();
      origin = new SourceOrigin(config.id(), source.host(), source.path(),
          ar.result().fileId() + fileTag, config.format().name(), fields);
      saveCheckpoint(true);
      reportLosses();
      schedulePump(0);
    });
  }

  private void sendDueBatches(long now) {
    while (window != null && window.hasRoom() && builder.isDue(now)) {
      send(builder.take(origin));
    }
  }

  private void send(LineBatch batch) {
    window.sent(batch.startOffset(), batch.endOffset(), System.currentTimeMillis());
    counters.linesSent(batch.size());
    long sentAt = System.nanoTime();
    vertx.eventBus().request(Addresses.LINES, batch, new DeliveryOptions().setSendTimeout(30_000))
        .onSuccess(reply -> counters.roundTrip(System.nanoTime() - sentAt))
        .onFailure(e -> {
          if (batchIsCurrent(batch)) {
            fail(new IllegalStateException("parser did not take a batch: " + e.getMessage()));
          }
        });
  }

  private boolean batchIsCurrent(LineBatch batch) {
    return origin != null && batch.origin().fileId().equals(origin.fileId())
        && batch.startOffset() >= window.committed();
  }

  private void onStored(StoredAck ack) {
    if (window == null || !ack.sourceId().equals(config.id())
        || !ack.fileId().equals(origin.fileId())) {
      return;
    }
    if (window.ack(ack.startOffset(), ack.endOffset())) {
      saveCheckpoint(false);
    }
    schedulePump(0);
  }

  /** Goes back to the last stored offset and reads again from there after a delay. */
  private void fail(Throwable error) {
    if (stopped || state != SourceState.STREAMING) {
      return;
    }
    epoch++;
    pendingSwitch = null;
    window.rewind();
    builder.clear();
    framer.reset();
    resumeLater(error);
  }

  /**
   * Backs off, then resumes at the committed offset (for SSH: reconnecting and starting the
   * remote tail there). A failed attempt backs off longer, up to the cap.
   */
  private void resumeLater(Throwable error) {
    long delay = backoff.nextDelayMillis();
    setState(SourceState.BACKING_OFF, describe(error));
    LOG.warn("source {}: {}; resuming at offset {} in {} ms", config.id(), error.getMessage(),
        window.committed(), delay);
    vertx.setTimer(delay, id -> {
      if (stopped) {
        return;
      }
      setState(SourceState.CONNECTING, null);
      long resumeAt = window.committed();
      executor.executeBlocking(() -> {
        source.seek(resumeAt);
        return null;
      }).onComplete(ar -> {
        if (stopped) {
          return;
        }
        if (ar.failed()) {
          resumeLater(ar.cause());
          return;
        }
        streaming();
        reportLosses();
        schedulePump(0);
      });
    });
  }

  /** Files the source found gone, with unread bytes: a warning, a counter, the status. */
  private void reportLosses() {
    for (LostFile lost : source.takeLosses()) {
      LOG.warn("source {}: {}", config.id(), lost.describe());
      counters.fileLost(lost);
      publishStatus(System.currentTimeMillis());
    }
  }

  /** An error as a status shows it: a file system's says what happened, not just the path. */
  static String describe(Throwable error) {
    if (error instanceof NoSuchFileException) {
      return "no such file: " + error.getMessage();
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied: " + error.getMessage();
    }
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }

  /** Streaming again: the error is over, and kept with its time as the previous one. */
  private void streaming() {
    streamingSince = System.currentTimeMillis();
    if (lastError != null) {
      previousError = lastError;
      previousErrorAt = lastErrorAt;
      lastError = null;
    }
    setState(SourceState.STREAMING, null);
  }

  private void housekeeping() {
    if (stopped) {
      return;
    }
    long now = System.currentTimeMillis();
    // In every state, also backing off before the source ever opened: a status that stops
    // coming means a source that is gone.
    if (now - counters.lastStatusAt() >= STATUS_EVERY_MILLIS) {
      publishStatus(now);
    }
    if (window == null) {
      return;
    }
    long oldest = window.oldestSentAt();
    if (state == SourceState.STREAMING && oldest > 0 && now - oldest > ACK_TIMEOUT_MILLIS) {
      fail(new IllegalStateException("no acknowledgement from the store for "
          + ACK_TIMEOUT_MILLIS / 1000 + " s"));
      return;
    }
    if (now - lastCheckpointAt >= CHECKPOINT_EVERY_MILLIS) {
      saveCheckpoint(false);
    }
    if (builder.isDue(now)) {
      schedulePump(0);
    }
  }

  private void schedulePump(long delay) {
    if (pumpScheduled) {
      return;
    }
    pumpScheduled = true;
    if (delay == 0) {
      vertx.runOnContext(v -> pump());
    } else {
      vertx.setTimer(delay, id -> pump());
    }
  }

  private Future<Void> saveCheckpoint(boolean force) {
    if (window == null) {
      return Future.succeededFuture();
    }
    long offset = window.committed();
    long now = System.currentTimeMillis();
    if (!force && (offset == lastSavedCheckpoint || now - lastCheckpointAt < CHECKPOINT_EVERY_MILLIS)) {
      return Future.succeededFuture();
    }
    lastCheckpointAt = now;
    lastSavedCheckpoint = offset;
    Checkpoint cp = new Checkpoint(checkpointKey, origin.fileId(), offset, now,
        fingerprint.current());
    JsonObject request = cp.toJson().put("op", "save");
    return vertx.eventBus().request(Addresses.CHECKPOINTS, request).<Void>mapEmpty()
        .onFailure(e -> {
          lastSavedCheckpoint = -1;
          LOG.warn("source {}: checkpoint not saved: {}", config.id(), e.getMessage());
        });
  }

  private void setState(SourceState newState, String error) {
    if (newState != state) {
      stateSince = System.currentTimeMillis();
    }
    state = newState;
    long now = System.currentTimeMillis();
    if (error != null) {
      lastError = error;
      lastErrorAt = now;
    }
    publishStatus(now);
  }

  private void publishStatus(long now) {
    counters.statusPublished(now);
    if (publishes) {
      vertx.eventBus().publish(Addresses.SOURCE_STATUS, status());
    }
  }

  /** This source's status, as shown on the status API. */
  @Override
  public JsonObject status() {
    return new JsonObject()
        .put("id", config.id())
        .put("host", source == null ? hostLabel : source.host())
        .put("path", source == null ? pathLabel : source.path())
        .put("state", state.label())
        .put("since", stateSince)
        .put("lastError", Redaction.uris(lastError))
        .put("lastErrorAt", lastError == null ? null : lastErrorAt)
        .put("previousError", Redaction.uris(previousError))
        .put("previousErrorAt", previousError == null ? null : previousErrorAt)
        .put("fileId", origin == null ? null : origin.fileId())
        .put("committedOffset", window == null ? null : window.committed())
        .put("inFlight", window == null ? 0 : window.size())
        .put("bytesBehind", source == null || state != SourceState.STREAMING ? null
            : source.bytesBehind())
        .put("linesSent", counters.linesSent())
        .put("bytesRead", counters.bytesRead())
        .put("linesCut", framer == null ? 0 : framer.cutLines())
        .put("linesSkipped", framer == null ? 0 : framer.skippedLines())
        .put("filesLost", counters.filesLost())
        .put("lastLost", counters.lastLost())
        .put("time", System.currentTimeMillis());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(housekeepingTimer);
    // Drain: send the lines already read and wait (briefly) for the store to acknowledge what
    // is in flight, so the checkpoint covers it. Anything still unacknowledged afterwards is
    // sent again on the next start, and the store ignores what it already has.
    if (window != null && state == SourceState.STREAMING) {
      sendDueBatches(Long.MAX_VALUE);
    }
    return drained(System.currentTimeMillis() + DRAIN_MILLIS)
        .compose(v -> saveCheckpoint(true))
        .recover(e -> Future.succeededFuture())
        .compose(v -> acks.unregister())
        .compose(v -> closeSource())
        .onComplete(v -> executor.close());
  }

  /**
   * Closes the source on a thread of the shared pool, not the source's own: that one may be
   * busy connecting to a dead host, and closing is what aborts it.
   */
  private Future<Void> closeSource() {
    LineSource current = source;
    return vertx.executeBlocking(() -> {
      if (current != null) {
        current.close();
      }
      state = SourceState.STOPPED;
      return null;
    }, false);
  }

  private Future<Void> drained(long deadline) {
    if (window == null || window.isEmpty() || System.currentTimeMillis() >= deadline) {
      return Future.succeededFuture();
    }
    return vertx.timer(20).compose(v -> drained(deadline));
  }
}
