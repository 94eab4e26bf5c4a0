package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Appends primitives and length-prefixed UTF-8 strings; the batch codecs' wire format. */
final class WireWriter {
  private final Buffer buffer;

  WireWriter(Buffer buffer) {
    this.buffer = buffer;
  }

  WireWriter writeByte(int b) {
    buffer.appendByte((byte) b);
    return this;
  }

  WireWriter writeInt(int v) {
    buffer.appendInt(v);
    return this;
  }

  WireWriter writeLong(long v) {
    buffer.appendLong(v);
    return this;
  }

  WireWriter writeDouble(double v) {
    buffer.appendDouble(v);
    return this;
  }

  WireWriter writeString(String s) {
    if (s == null) {
      return writeInt(-1);
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length).appendBytes(bytes);
    return this;
  }
}
