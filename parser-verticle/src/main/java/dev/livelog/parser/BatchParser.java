package dev.livelog.parser;

import dev.livelog.common.bus.DeadLetter;
import dev.livelog.common.bus.EventBatch;
import dev.livelog.common.bus.LineBatch;
import dev.livelog.common.event.FieldRef;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.event.FieldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@link LineBatch} into an {@link EventBatch} and the dead letters of the lines that
 * did not parse. Nothing a line contains can make it throw: every line becomes an event or a
 * dead letter. A line without its own time gets the time its source gave it (a journal
 * entry's timestamp), else the time it was parsed. A line the source cut
 * because it was longer than {@code pipeline.max_line_length} is a dead letter saying so: its
 * end is missing, so its fields could not be trusted. Every event keeps its line
 * ({@link LogEvent#line()}).
 */
public final class BatchParser {
  private final LineParser parser;
  private final FieldRef truncated = new FieldRef(LogEvent.TRUNCATED);
  /** A format's schema with a file's fields added, by (schema, field names). */
  private final Map<List<Object>, FieldSchema> withFields = new HashMap<>();

  public BatchParser(LineParser parser) {
    this.parser = parser;
  }

  static final String CUT = "longer than pipeline.max_line_length: cut there, the rest skipped";

  /**
   * The events and dead letters of one batch, and how many of the events are of lines cut
   * short ({@link LogEvent#TRUNCATED}).
   */
  public record Result(EventBatch events, List<DeadLetter> deadLetters, int truncated) {}

  public Result parse(LineBatch batch, long now) {
    List<LogEvent> events = new ArrayList<>(batch.size());
    List<DeadLetter> dead = new ArrayList<>(0);
    int cutShort = 0;
    String source = batch.origin().sourceId();
    parser.readingFile(batch.origin().path());
    for (int i = 0; i < batch.size(); i++) {
      String line = batch.line(i);
      if (batch.isCut(i)) {
        dead.add(deadLetter(batch, i, now, CUT));
        continue;
      }
      try {
        LogEvent parsed = parser.parse(line, source, batch.offset(i));
        // Parsers keep the line as they make the event; one made elsewhere (a plugin) gets it here.
        LogEvent e = withOriginFields(parsed.line() == line ? parsed : parsed.withLine(line),
            batch.origin().fields());
        events.add(e.time() != LogEvent.NO_TIME ? e
            : e.withTime(batch.time(i) != LogEvent.NO_TIME ? batch.time(i) : now));
        if (truncated.get(e) == Boolean.TRUE) {
          cutShort++;
        }
      } catch (LineRejected r) {
        dead.add(deadLetter(batch, i, now, r.describe()));
      } catch (RuntimeException | StackOverflowError bug) {
        dead.add(deadLetter(batch, i, now, "parser error: " + bug));
      }
    }
    EventBatch result = new EventBatch(batch.origin(), batch.startOffset(), batch.endOffset(),
        batch.size(), events);
    return new Result(result, dead, cutShort);
  }

  /**
   * The event with the fields its file gives every line (a pattern source's captures), where
   * the line has no value of its own for them.
   */
  private LogEvent withOriginFields(LogEvent e, Map<String, String> fields) {
    if (fields.isEmpty()) {
      return e;
    }
    FieldSchema schema = e.schema();
    List<String> names = List.copyOf(fields.keySet());
    FieldSchema extended = withFields.computeIfAbsent(List.of(schema, names), k -> {
      List<String> all = new ArrayList<>(schema.names());
      names.stream().filter(n -> schema.indexOf(n) < 0).forEach(all::add);
      return new FieldSchema(all);
    });
    Object[] values = new Object[extended.size()];
    for (int i = 0; i < schema.size(); i++) {
      values[i] = e.value(i);
    }
    for (String name : names) {
      int at = extended.indexOf(name);
      if (values[at] == null) {
        values[at] = fields.get(name);
      }
    }
    return new LogEvent(e.source(), e.offset(), e.time(), extended, values, e.line());
  }

  private static DeadLetter deadLetter(LineBatch batch, int i, long now, String reason) {
    return new DeadLetter(batch.origin().sourceId(), batch.origin().fileId(), batch.offset(i),
        now, batch.line(i), reason);
  }
}
