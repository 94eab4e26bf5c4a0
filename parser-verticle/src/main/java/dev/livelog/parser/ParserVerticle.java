package dev.livelog.parser;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.bus.BatchCodecs;
import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.FormatRef;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Takes {@link LineBatch}es from {@code livelog.lines}, publishes their events on
 * {@code livelog.events} and their bad lines on {@code livelog.deadletters}, then replies,
 * which tells the source the batch was taken. Deploy several for more parsing threads: each
 * instance compiles its own parsers.
 */
public final class ParserVerticle extends VerticleBase {
  private final LivelogConfig config;
  private final Map<String, BatchParser> parsers = new HashMap<>();
  private final Map<String, BatchParser> byFormat = new HashMap<>();
  private final ParseCounters counters;
  private MessageConsumer<LineBatch> consumer;

  public ParserVerticle(LivelogConfig config) {
    this(config, new ParseCounters());
  }

  /** {@code counters} may be shared by every parser instance of the process, for metrics. */
  public ParserVerticle(LivelogConfig config, ParseCounters counters) {
    this.config = config;
    this.counters = counters;
  }

  @Override
  public Future<?> start() {
    BatchCodecs.register(vertx);
    for (SourceConfig source : config.sources()) {
      parsers.put(source.id(), new BatchParser(Formats.forSource(source, config)));
    }
    consumer = vertx.eventBus().consumer(Addresses.LINES, this::onLines);
    return consumer.completion();
  }

  private void onLines(Message<LineBatch> message) {
    LineBatch batch = message.body();
    BatchParser parser = parserFor(batch);
    if (parser == null) {
      message.fail(404, "no format for source '" + batch.origin().sourceId() + "'"
          + (batch.origin().format() == null ? " in this parser's config"
              : ": this parser does not know format '" + batch.origin().format() + "'"));
      return;
    }
    BatchParser.Result result = parser.parse(batch, System.currentTimeMillis());
    vertx.eventBus().publish(Addresses.EVENTS, result.events());
    for (DeadLetter dead : result.deadLetters()) {
      vertx.eventBus().publish(Addresses.DEAD_LETTERS, dead.toJson());
    }
    counters.add(batch.origin().sourceId(), batch.size(), result.deadLetters().size(), result.truncated());
    message.reply(new JsonObject()
        .put("parsed", result.events().events().size())
        .put("failed", result.deadLetters().size())
        .put("truncated", result.truncated()));
  }

  /**
   * The source's own parser, or, for a source this parser's config does not list (a node-local
   * source with a per-node id), one for the format the batch names: a built-in or one of the
   * config's formats.
   */
  private BatchParser parserFor(LineBatch batch) {
    BatchParser parser = parsers.get(batch.origin().sourceId());
    String format = batch.origin().format();
    if (parser != null || format == null) {
      return parser;
    }
    if (!byFormat.containsKey(format)) {
      try {
        byFormat.put(format, new BatchParser(Formats.compile(
            Formats.resolve(FormatRef.named(format), config.formats()), config.formats())));
      } catch (ConfigException unknown) {
        byFormat.put(format, null); // asked again, answered the same
      }
    }
    return byFormat.get(format);
  }

  /** Lines and failures per source since start. */
  public ParseCounters counters() {
    return counters;
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
