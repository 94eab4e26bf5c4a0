package dev.livelog.common.bus;

import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact wire form of an {@link EventBatch}: each schema's field names once per batch, then
 * per event its schema number, offset, time and tagged values. A local hop passes the object.
 */
public final class EventBatchCodec implements MessageCodec<EventBatch, EventBatch> {
  static final byte VERSION = 2; // 2: the format in the origin

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
    int lengthAt = buffer.length();
    buffer.appendInt(0);
    WireWriter out = new WireWriter(buffer).writeByte(VERSION);
    OriginWire.write(out, batch.origin());
    out.writeLong(batch.startOffset()).writeLong(batch.endOffset()).writeInt(batch.lines());

    Map<FieldSchema, Integer> schemaIds = new IdentityHashMap<>();
    List<FieldSchema> schemas = new ArrayList<>();
    for (LogEvent e : batch.events()) {
      if (schemaIds.putIfAbsent(e.schema(), schemas.size()) == null) {
        schemas.add(e.schema());
      }
    }
    out.writeInt(schemas.size());
    for (FieldSchema schema : schemas) {
      out.writeInt(schema.size());
      for (int i = 0; i < schema.size(); i++) {
        out.writeString(schema.name(i));
      }
    }
    out.writeInt(batch.events().size());
    for (LogEvent e : batch.events()) {
      out.writeInt(schemaIds.get(e.schema()))
          .writeString(e.source())
          .writeLong(e.offset())
          .writeLong(e.time());
      for (int i = 0; i < e.schema().size(); i++) {
        writeValue(out, e.value(i));
      }
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public EventBatch decodeFromWire(int pos, Buffer buffer) {
    WireReader in = new WireReader(buffer, pos + 4);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("EventBatch wire version " + version + " is not "
          + VERSION + ": every node of a cluster must run the same livelog version");
    }
    SourceOrigin origin = OriginWire.read(in);
    long start = in.readLong();
    long end = in.readLong();
    int lines = in.readInt();
    FieldSchema[] schemas = new FieldSchema[in.readInt()];
    for (int s = 0; s < schemas.length; s++) {
      List<String> names = new ArrayList<>();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        names.add(in.readString());
      }
      schemas[s] = new FieldSchema(names);
    }
    int count = in.readInt();
    List<LogEvent> events = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      FieldSchema schema = schemas[in.readInt()];
      String source = in.readString();
      long offset = in.readLong();
      long time = in.readLong();
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = readValue(in);
      }
      events.add(new LogEvent(source, offset, time, schema, values));
    }
    return new EventBatch(origin, start, end, lines, events);
  }

  private static void writeValue(WireWriter out, Object value) {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING).writeString(s);
    } else if (value instanceof Long l) {
      out.writeByte(LONG).writeLong(l);
    } else if (value instanceof Integer i) {
      out.writeByte(LONG).writeLong(i);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE).writeDouble(d);
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof Instant t) {
      out.writeByte(INSTANT).writeLong(t.getEpochSecond()).writeInt(t.getNano());
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST).writeInt(list.size());
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
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
      case LIST -> {
        int n = in.readInt();
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
