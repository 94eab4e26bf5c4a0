package dev.livelog.store;

import dev.livelog.common.bus.DeadLetter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters waiting to be saved in small batches. Only the newest are worth keeping, so
 * when the store lags the oldest are dropped first.
 */
final class DeadLetterBuffer {
  private final int capacity;
  private final ArrayDeque<DeadLetter> letters = new ArrayDeque<>();

  DeadLetterBuffer(int capacity) {
    this.capacity = capacity;
  }

  void add(DeadLetter letter) {
    if (letters.size() == capacity) {
      letters.poll();
    }
    letters.add(letter);
  }

  /** Puts back letters whose save failed, behind none of the newer ones. */
  void restore(List<DeadLetter> unsaved) {
    for (int i = unsaved.size() - 1; i >= 0 && letters.size() < capacity; i--) {
      letters.addFirst(unsaved.get(i));
    }
  }

  int size() {
    return letters.size();
  }

  List<DeadLetter> drain() {
    List<DeadLetter> drained = new ArrayList<>(letters);
    letters.clear();
    return drained;
  }
}
