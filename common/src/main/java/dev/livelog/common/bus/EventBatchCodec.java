package dev.livelog.common.bus;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.common.event.SharedSchemas;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact wire form of an {@link EventBatch}: each schema's field names once per batch, then
 * per event its schema number, offset, time, tagged values and line. A local hop passes the
 * object.
 */
public final class EventBatchCodec implements MessageCodec<EventBatch, EventBatch> {
  // 2: the format in the origin; 3: varints, deltas, sources; 4: origin fields; 5: each event's line
  static final byte VERSION = 5;

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte TRUE = 4;
  private static final byte FALSE = 5;
  private static final byte INSTANT = 6;
  private static final byte LIST = 7;

  @Override
  public void encodeToWire(Buffer buffer, EventBatch batch) {
    List<LogEvent> events = batch.events();
    int fields = events.isEmpty() ? 0 : events.get(0).schema().size();
    WireWriter out = new WireWriter(128 + events.size() * (24 + fields * 24 + 160)).writeByte(VERSION);
    OriginWire.write(out, batch.origin());
    out.writeVarLong(batch.startOffset()).writeVarLong(batch.endOffset()).writeVarInt(batch.lines());

    // Each schema's names once, and each event's source as a number: nearly always the
    // batch's own source.
    Map<FieldSchema, Integer> schemaIds = new IdentityHashMap<>();
    List<FieldSchema> schemas = new ArrayList<>();
    Map<String, Integer> sourceIds = new HashMap<>();
    List<String> sources = new ArrayList<>();
    for (LogEvent e : events) {
      if (schemaIds.putIfAbsent(e.schema(), schemas.size()) == null) {
        schemas.add(e.schema());
      }
      if (sourceIds.putIfAbsent(e.source(), sources.size()) == null) {
        sources.add(e.source());
      }
    }
    out.writeVarInt(schemas.size());
    for (FieldSchema schema : schemas) {
      out.writeVarInt(schema.size());
      for (int i = 0; i < schema.size(); i++) {
        out.writeString(schema.name(i));
      }
    }
    out.writeVarInt(sources.size());
    sources.forEach(out::writeString);
    out.writeVarInt(events.size());
    long offset = 0;
    long time = 0;
    FieldSchema lastSchema = null;
    int lastSchemaId = 0;
    for (LogEvent e : events) {
      if (e.schema() != lastSchema) {
        lastSchema = e.schema();
        lastSchemaId = schemaIds.get(lastSchema);
      }
      out.writeVarInt(lastSchemaId)
          .writeVarInt(sources.size() == 1 ? 0 : sourceIds.get(e.source()))
          .writeSigned(e.offset() - offset)
          .writeSigned(e.time() - time);
      offset = e.offset();
      time = e.time();
      for (int i = 0; i < lastSchema.size(); i++) {
        writeValue(out, e.value(i));
      }
      out.writeString(e.line());
    }
    out.appendTo(buffer);
  }

  @Override
  public EventBatch decodeFromWire(int pos, Buffer buffer) {
    WireReader in = WireReader.frame(buffer, pos);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("EventBatch wire version " + version + " is not "
          + VERSION + ": every node of a cluster must run the same livelog version");
    }
    SourceOrigin origin = OriginWire.read(in);
    long start = in.readVarLong();
    long end = in.readVarLong();
    int lines = in.readVarInt();
    FieldSchema[] schemas = new FieldSchema[in.readVarInt()];
    for (int s = 0; s < schemas.length; s++) {
      List<String> names = new ArrayList<>();
      int n = in.readVarInt();
      for (int i = 0; i < n; i++) {
        names.add(in.readString());
      }
      // Equal field lists share one schema: consumers cache per schema instance.
      schemas[s] = SharedSchemas.PROCESS.of(names);
    }
    String[] sources = new String[in.readVarInt()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = in.readString();
    }
    int count = in.readVarInt();
    List<LogEvent> events = new ArrayList<>(count);
    long offset = 0;
    long time = 0;
    for (int k = 0; k < count; k++) {
      FieldSchema schema = schemas[in.readVarInt()];
      String source = sources[in.readVarInt()];
      offset += in.readSigned();
      time += in.readSigned();
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = readValue(in);
      }
      events.add(new LogEvent(source, offset, time, schema, values, in.readString()));
    }
    return new EventBatch(origin, start, end, lines, events);
  }

  private static void writeValue(WireWriter out, Object value) {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING).writeString(s);
    } else if (value instanceof Long l) {
      out.writeByte(LONG).writeSigned(l);
    } else if (value instanceof Integer i) {
      out.writeByte(LONG).writeSigned(i);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE).writeDouble(d);
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof Instant t) {
      out.writeByte(INSTANT).writeSigned(t.getEpochSecond()).writeVarInt(t.getNano());
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST).writeVarInt(list.size());
      for (Object item : list) {
        writeValue(out, item);
      }
    } else {
      throw new IllegalArgumentException("unsupported field value type: " + value.getClass());
    }
  }

  private static Object readValue(WireReader in) {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> in.readString();
      case LONG -> in.readSigned();
      case DOUBLE -> in.readDouble();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case INSTANT -> Instant.ofEpochSecond(in.readSigned(), in.readVarInt());
      case LIST -> {
        int n = in.readVarInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue(in));
        }
        yield java.util.Collections.unmodifiableList(list);
      }
      default -> throw new IllegalStateException("unknown value tag " + tag);
    };
  }

  @Override
  public EventBatch transform(EventBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return "livelog.EventBatch";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
