package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Test helper: reads a {@link LineSource} until it reports something other than data, and
 * appends to (and compresses) the files sources follow.
 */
public final class TailReader {
  private TailReader() {}

  /** Appends UTF-8 text to a file, creating it. */
  public static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Compresses as logrotate does: gzip replaces the file and keeps its modification time. */
  public static void gzip(Path file) throws Exception {
    assertThat(new ProcessBuilder("gzip", file.toString()).inheritIO().start().waitFor()).isZero();
  }

  /** Reads until {@code expected} bytes arrived, or a status other than DATA/IDLE, or 10 s. */
  public static Result readUntil(LineSource source, int expected) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      buffer.clear();
      LineSource.ReadStatus status = source.read(buffer);
      out.write(buffer.array(), 0, buffer.position());
      if (status != LineSource.ReadStatus.DATA && status != LineSource.ReadStatus.IDLE) {
        return new Result(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1), status);
      }
      if (status == LineSource.ReadStatus.IDLE) {
        if (out.size() >= expected) {
          return new Result(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1), status);
        }
        Thread.sleep(20);
      }
    }
    return new Result(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1), null);
  }

  /** Reads until the source reports {@code wanted} (ROTATED, TRUNCATED), keeping the bytes. */
  public static Result readUntilStatus(LineSource source, LineSource.ReadStatus wanted) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      buffer.clear();
      LineSource.ReadStatus status = source.read(buffer);
      out.write(buffer.array(), 0, buffer.position());
      if (status == wanted) {
        return new Result(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1), status);
      }
      if (status == LineSource.ReadStatus.IDLE) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no " + wanted + " within 10 s; read so far: " + out);
  }

  public record Result(String text, LineSource.ReadStatus status) {}
}
