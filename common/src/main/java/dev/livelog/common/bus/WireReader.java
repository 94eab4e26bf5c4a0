package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote, from one copy of the message's bytes. */
final class WireReader {
  private final byte[] bytes;
  private int pos;

  /** The frame that starts at {@code at} of the buffer: its length, then its bytes. */
  static WireReader frame(Buffer buffer, int at) {
    int length = buffer.getInt(at);
    return new WireReader(buffer.getBytes(at + 4, at + 4 + length));
  }

  WireReader(byte[] bytes) {
    this.bytes = bytes;
  }

  byte readByte() {
    return bytes[pos++];
  }

  long readVarLong() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  int readVarInt() {
    return (int) readVarLong();
  }

  long readSigned() {
    long z = readVarLong();
    return (z >>> 1) ^ -(z & 1);
  }

  double readDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (bytes[pos++] & 0xFF);
    }
    return Double.longBitsToDouble(bits);
  }

  String readString() {
    int n = readVarInt() - 1;
    if (n < 0) {
      return null;
    }
    String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }
}
