package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote, advancing a position through a buffer. */
final class WireReader {
  private final Buffer buffer;
  private int pos;

  WireReader(Buffer buffer, int pos) {
    this.buffer = buffer;
    this.pos = pos;
  }

  int position() {
    return pos;
  }

  byte readByte() {
    return buffer.getByte(pos++);
  }

  int readInt() {
    int v = buffer.getInt(pos);
    pos += 4;
    return v;
  }

  long readLong() {
    long v = buffer.getLong(pos);
    pos += 8;
    return v;
  }

  double readDouble() {
    double v = buffer.getDouble(pos);
    pos += 8;
    return v;
  }

  String readString() {
    int len = readInt();
    if (len < 0) {
      return null;
    }
    byte[] bytes = buffer.getBytes(pos, pos + len);
    pos += len;
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
