package dev.livelog.common.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The batch codecs' wire format, written into a growable byte array and appended to the
 * message buffer at once: varints for counts and lengths, zigzag varints for signed numbers
 * (deltas of offsets and times are small), UTF-8 strings with an ASCII fast path.
 */
final class WireWriter {
  private byte[] bytes;
  private int size;

  WireWriter(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  WireWriter writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
    return this;
  }

  /** A non-negative number in 1 to 10 bytes. */
  WireWriter writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
    return this;
  }

  WireWriter writeVarInt(int v) {
    return writeVarLong(v & 0xFFFFFFFFL);
  }

  /** A signed number, small ones (either sign) in few bytes. */
  WireWriter writeSigned(long v) {
    return writeVarLong((v << 1) ^ (v >> 63));
  }

  WireWriter writeDouble(double v) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(v);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (bits >>> shift);
    }
    return this;
  }

  /** A string or null: its UTF-8 length plus one (0 for null), then its bytes. */
  WireWriter writeString(String s) {
    if (s == null) {
      return writeVarInt(0);
    }
    int n = s.length();
    int mark = size;
    writeVarInt(n + 1);
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size = mark; // not ASCII after all: write the real UTF-8 bytes instead
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length + 1);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
      }
      bytes[size++] = (byte) c;
    }
    return this;
  }

  /** Appends the written bytes to the message, after their length. */
  void appendTo(Buffer buffer) {
    buffer.appendInt(size).appendBytes(bytes, 0, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
