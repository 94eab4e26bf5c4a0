package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Compact wire form of a {@link LineBatch} for clustered hops; a local hop passes the object
 * itself (batches are immutable). Version 2 added the indexes of cut lines at the end, 3 the format in the origin.
 */
public final class LineBatchCodec implements MessageCodec<LineBatch, LineBatch> {
  static final byte VERSION = 3;

  @Override
  public void encodeToWire(Buffer buffer, LineBatch batch) {
    int lengthAt = buffer.length();
    buffer.appendInt(0);
    WireWriter out = new WireWriter(buffer).writeByte(VERSION);
    OriginWire.write(out, batch.origin());
    out.writeLong(batch.endOffset()).writeInt(batch.size());
    int cut = 0;
    for (int i = 0; i < batch.size(); i++) {
      out.writeLong(batch.offset(i)).writeString(batch.line(i));
      cut += batch.isCut(i) ? 1 : 0;
    }
    out.writeInt(cut);
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isCut(i)) {
        out.writeInt(i);
      }
    }
    buffer.setInt(lengthAt, buffer.length() - lengthAt - 4);
  }

  @Override
  public LineBatch decodeFromWire(int pos, Buffer buffer) {
    WireReader in = new WireReader(buffer, pos + 4);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("LineBatch wire version " + version + " is not "
          + VERSION + ": every node of a cluster must run the same livelog version");
    }
    SourceOrigin origin = OriginWire.read(in);
    long end = in.readLong();
    int size = in.readInt();
    long[] offsets = new long[size];
    String[] lines = new String[size];
    for (int i = 0; i < size; i++) {
      offsets[i] = in.readLong();
      lines[i] = in.readString();
    }
    int cutCount = in.readInt();
    boolean[] cut = new boolean[cutCount == 0 ? 0 : size];
    for (int k = 0; k < cutCount; k++) {
      cut[in.readInt()] = true;
    }
    return new LineBatch(origin, offsets, lines, end, cut);
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
