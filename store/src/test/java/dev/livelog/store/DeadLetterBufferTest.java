package dev.livelog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.DeadLetter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterBufferTest {
  private final DeadLetterBuffer buffer = new DeadLetterBuffer(3);

  @Test
  void keepsTheNewestWhenFull() {
    for (int i = 1; i <= 5; i++) {
      buffer.add(letter(i));
    }

    assertThat(buffer.drain()).extracting(DeadLetter::offset).containsExactly(3L, 4L, 5L);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void unsavedLettersGoBackBeforeNewerOnesWithoutPassingTheCapacity() {
    buffer.add(letter(1));
    buffer.add(letter(2));
    List<DeadLetter> unsaved = buffer.drain();
    buffer.add(letter(3));
    buffer.add(letter(4));

    buffer.restore(unsaved);

    assertThat(buffer.drain()).extracting(DeadLetter::offset).containsExactly(2L, 3L, 4L);
  }

  private static DeadLetter letter(long offset) {
    return new DeadLetter("s", "f", offset, offset, "line " + offset, "no match");
  }
}
