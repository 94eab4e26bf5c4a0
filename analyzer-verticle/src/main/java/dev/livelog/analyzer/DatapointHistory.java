package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The latest {@code history} ticks of one period, for pages that connect. */
final class DatapointHistory {
  private final int ticks;
  private final ArrayDeque<List<Datapoint>> byTick = new ArrayDeque<>();

  DatapointHistory(int ticks) {
    this.ticks = ticks;
  }

  void add(List<Datapoint> tick) {
    byTick.addLast(List.copyOf(tick));
    while (byTick.size() > ticks) {
      byTick.removeFirst();
    }
  }

  /** Restores stored datapoints, grouped into ticks by time. */
  void restore(List<Datapoint> stored) {
    byTick.clear();
    List<Datapoint> sorted = new ArrayList<>(stored);
    sorted.sort(Comparator.comparingLong(Datapoint::time));
    List<Datapoint> tick = new ArrayList<>();
    for (Datapoint p : sorted) {
      if (!tick.isEmpty() && tick.get(0).time() != p.time()) {
        add(tick);
        tick.clear();
      }
      tick.add(p);
    }
    if (!tick.isEmpty()) {
      add(tick);
    }
  }

  /** Time of the latest tick, or -1 when empty. */
  long lastTime() {
    return byTick.isEmpty() ? -1 : byTick.peekLast().get(0).time();
  }

  List<Datapoint> all() {
    List<Datapoint> out = new ArrayList<>();
    byTick.forEach(out::addAll);
    return out;
  }
}
