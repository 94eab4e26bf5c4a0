package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Compact wire form of a {@link LineBatch} for clustered hops; a local hop passes the object
 * itself (batches are immutable). Version 2 added the indexes of cut lines at the end, 3 the format in the origin, 4 varints
 * and offsets as deltas, 5 the origin's fields, 6 the lines' times (a flag, then one per line as
 * deltas) at the end.
 */
public final class LineBatchCodec implements MessageCodec<LineBatch, LineBatch> {
  static final byte VERSION = 6;

  @Override
  public void encodeToWire(Buffer buffer, LineBatch batch) {
    WireWriter out = new WireWriter(64 + batch.size() * 160).writeByte(VERSION);
    OriginWire.write(out, batch.origin());
    out.writeVarLong(batch.endOffset()).writeVarInt(batch.size());
    long previous = 0;
    int cut = 0;
    for (int i = 0; i < batch.size(); i++) {
      out.writeSigned(batch.offset(i) - previous).writeString(batch.line(i));
      previous = batch.offset(i);
      cut += batch.isCut(i) ? 1 : 0;
    }
    out.writeVarInt(cut);
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isCut(i)) {
        out.writeVarInt(i);
      }
    }
    out.writeByte((byte) (batch.hasTimes() ? 1 : 0));
    if (batch.hasTimes()) {
      long previousTime = 0;
      for (int i = 0; i < batch.size(); i++) {
        out.writeSigned(batch.time(i) - previousTime);
        previousTime = batch.time(i);
      }
    }
    out.appendTo(buffer);
  }

  @Override
  public LineBatch decodeFromWire(int pos, Buffer buffer) {
    WireReader in = WireReader.frame(buffer, pos);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("LineBatch wire version " + version + " is not "
          + VERSION + ": every node of a cluster must run the same livelog version");
    }
    SourceOrigin origin = OriginWire.read(in);
    long end = in.readVarLong();
    int size = in.readVarInt();
    long[] offsets = new long[size];
    String[] lines = new String[size];
    long previous = 0;
    for (int i = 0; i < size; i++) {
      offsets[i] = previous + in.readSigned();
      previous = offsets[i];
      lines[i] = in.readString();
    }
    int cutCount = in.readVarInt();
    boolean[] cut = new boolean[cutCount == 0 ? 0 : size];
    for (int k = 0; k < cutCount; k++) {
      cut[in.readVarInt()] = true;
    }
    long[] times = new long[in.readByte() == 1 ? size : 0];
    long previousTime = 0;
    for (int i = 0; i < times.length; i++) {
      times[i] = previousTime + in.readSigned();
      previousTime = times[i];
    }
    return new LineBatch(origin, offsets, lines, end, cut, times);
  }

  @Override
  public LineBatch transform(LineBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return "livelog.LineBatch";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
