package dev.livelog.source.file;

import dev.livelog.source.Fingerprint;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * A file's bytes at an offset: a plain file read in place, or a gzip-compressed rotation read
 * through its decompressed stream (going back means decompressing again from the start).
 */
sealed interface FileBytes extends Closeable {

  /** Reads at {@code offset} into the buffer; -1 at the end of what the file holds now. */
  int read(ByteBuffer into, long offset) throws IOException;

  /** How many bytes the file holds, or -1 when only reading it all would tell (compressed). */
  long size() throws IOException;

  /** Whether the file starts with the bytes the fingerprint was taken of (a rewritten file does not). */
  boolean startsWith(Fingerprint fingerprint) throws IOException;

  /** Opens the file; a {@code .gz} name is read decompressed. */
  static FileBytes open(Path file) throws IOException {
    return isCompressed(file) ? new Gzip(file) : new Plain(FileChannel.open(file, StandardOpenOption.READ));
  }

  static boolean isCompressed(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  /** The file's content from its start, decompressed when it is compressed. */
  static InputStream content(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return isCompressed(file) ? new GZIPInputStream(in, 64 * 1024) : new BufferedInputStream(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** A plain file: positional reads, so growth and rewinds cost nothing. */
  record Plain(FileChannel channel) implements FileBytes {
    @Override
    public int read(ByteBuffer into, long offset) throws IOException {
      return channel.read(into, offset);
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public boolean startsWith(Fingerprint fingerprint) throws IOException {
      ByteBuffer start = ByteBuffer.allocate(fingerprint.length());
      while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
        // a positional read may return less than asked
      }
      return !start.hasRemaining()
          && Fingerprint.of(start.array(), start.position()).equals(fingerprint);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A compressed file: one decompressing stream, reopened to go back. */
  final class Gzip implements FileBytes {
    private final Path file;
    private InputStream stream;
    private long position;

    Gzip(Path file) throws IOException {
      this.file = file;
      this.stream = content(file);
    }

    @Override
    public int read(ByteBuffer into, long offset) throws IOException {
      if (offset < position) {
        stream.close();
        stream = content(file);
        position = 0;
      }
      position += stream.skip(offset - position);
      while (position < offset) {
        if (stream.read() < 0) {
          return -1;
        }
        position++;
        position += stream.skip(offset - position);
      }
      int n = stream.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
      if (n > 0) {
        into.position(into.position() + n);
        position += n;
      }
      return n;
    }

    @Override
    public long size() {
      return -1;
    }

    @Override
    public boolean startsWith(Fingerprint fingerprint) {
      return true; // a compressed rotation is never written again
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
