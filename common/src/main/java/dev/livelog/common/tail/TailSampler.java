package dev.livelog.common.tail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * At most {@code capacity} items of what is offered until the next {@link #drain}, each kept
 * with a chance in proportion to its weight (Efraimidis and Spirakis' weighted reservoir: an
 * item's key is {@code ln(u) / weight} for a uniform {@code u}, the largest keys are kept). With
 * equal weights that is a uniform sample without replacement; a web node merging the samples
 * of several parsing nodes weighs each line by how many lines its node's sample stood for, so
 * a busy node is not under-represented. Memory is {@code capacity} items whatever is offered.
 * Safe to offer from one thread and drain from another.
 */
public final class TailSampler<T> {
  private final int capacity;
  private final RandomGenerator random;
  private final PriorityQueue<Kept<T>> kept = new PriorityQueue<>(Comparator.comparingDouble(Kept::key));
  private double weight;
  private long offered;
  private long sequence;

  public TailSampler(int capacity, RandomGenerator random) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.random = random;
  }

  /** What was offered since the last drain: the kept items in offering order, and the totals. */
  public record Sample<T>(List<T> items, double weight, long offered) {
    /** How many offered lines (by weight) each kept one stands for: 1 when nothing was left out. */
    public double oneIn() {
      return items.isEmpty() ? 1 : Math.max(1, weight / items.size());
    }
  }

  private record Kept<T>(double key, long sequence, T item) {}

  public void offer(T item, double itemWeight) {
    offer(item, Function.identity(), itemWeight);
  }

  /**
   * Offers what {@code keep} makes of {@code from}, made only if it is kept: the sampler holds
   * the kept form alone, and what is left out costs nothing to convert.
   */
  public synchronized <S> void offer(S from, Function<? super S, ? extends T> keep, double itemWeight) {
    if (!(itemWeight > 0)) {
      return;
    }
    weight += itemWeight;
    offered++;
    double key = Math.log(1 - random.nextDouble()) / itemWeight; // 1 - [0, 1): never log(0)
    if (kept.size() < capacity) {
      kept.add(new Kept<>(key, sequence++, keep.apply(from)));
    } else if (key > kept.peek().key()) {
      kept.poll();
      kept.add(new Kept<>(key, sequence++, keep.apply(from)));
    }
  }

  public synchronized boolean isEmpty() {
    return offered == 0;
  }

  /** The sample so far, and a fresh start. */
  public synchronized Sample<T> drain() {
    List<Kept<T>> items = new ArrayList<>(kept);
    items.sort(Comparator.comparingLong(Kept::sequence));
    Sample<T> sample = new Sample<>(items.stream().map(Kept::item).toList(), weight, offered);
    kept.clear();
    weight = 0;
    offered = 0;
    return sample;
  }
}
