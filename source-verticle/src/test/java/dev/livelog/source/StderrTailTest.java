package dev.livelog.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link StderrTail}: the last words of a command's stderr, within bounds. */
class StderrTailTest {

  @Test
  @Timeout(10)
  void aStreamThatNeverRunsDryIsTakenABoundedAmountAtEachPollAndKeepsItsLastBytes() {
    long[] served = new long[1];
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return 'x';
      }

      @Override
      public int available() {
        return 1 << 20;
      }
    };
    StderrTail tail = new StderrTail();
    tail.poll(endless);
    assertThat(served[0]).isEqualTo(StderrTail.POLL_BYTES);
    assertThat(tail.text()).isEqualTo("x".repeat(2048));
  }
}
