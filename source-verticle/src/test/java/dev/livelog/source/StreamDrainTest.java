package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import org.junit.jupiter.api.Test;

/** Reads never block, the buffer is bounded, the end and errors come after the data. */
class StreamDrainTest {

  private static int readAll(StreamDrain d, byte[] into, long millis) throws Exception {
    int total = 0;
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      int n = d.read(into, total, into.length - total);
      if (n < 0) {
        break;
      }
      total += n;
      if (n == 0) {
        Thread.sleep(5);
      }
    }
    return total;
  }

  @Test
  void aQuietStreamReadsAsNothingAndTheWriterWaitsWhenTheBufferIsFull() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    try (StreamDrain d = new StreamDrain(new PipedInputStream(writer, 64), 100, "t")) {
      assertThat(d.read(new byte[10], 0, 10)).isZero();
      Thread fill = new Thread(() -> {
        try {
          writer.write(new byte[300]);
          writer.close();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      fill.start();
      Thread.sleep(300);
      assertThat(d.buffered()).isLessThanOrEqualTo(100);
      assertThat(fill.isAlive()).as("the writer waits for room").isTrue();
      assertThat(readAll(d, new byte[1000], 3_000)).isEqualTo(300);
      fill.join();
    }
  }

  @Test
  void anErrorComesAfterTheBytesBeforeIt() throws Exception {
    InputStream failing = new InputStream() {
      int sent;

      @Override
      public int read() throws IOException {
        if (sent++ < 3) {
          return 'x';
        }
        throw new IOException("connection reset");
      }
    };
    try (StreamDrain d = new StreamDrain(failing, 16, "t")) {
      byte[] b = new byte[8];
      Thread.sleep(100);
      assertThat(d.read(b, 0, 8)).isEqualTo(3);
      assertThatThrownBy(() -> d.read(b, 0, 8)).hasMessage("connection reset");
    }
  }
}
