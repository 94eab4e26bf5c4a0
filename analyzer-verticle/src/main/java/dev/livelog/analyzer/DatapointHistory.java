package dev.livelog.analyzer;

import dev.livelog.common.bus.Datapoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest {@code history} ticks of one period, every group's datapoint at each tick, for
 * pages that connect. Datapoints may arrive in any order (live ticks, backfill, restore); a
 * datapoint for a tick and group already held replaces it.
 */
final class DatapointHistory {
  private final int ticks;
  private final TreeMap<Long, Map<String, Datapoint>> byTime = new TreeMap<>();

  DatapointHistory(int ticks) {
    this.ticks = ticks;
  }

  void add(Datapoint point) {
    byTime.computeIfAbsent(point.time(), t -> new LinkedHashMap<>()).put(point.group(), point);
    while (byTime.size() > ticks) {
      byTime.pollFirstEntry();
    }
  }

  void addAll(List<Datapoint> points) {
    points.forEach(this::add);
  }

  /** Time of the latest datapoint of a group, or -1 when there is none. */
  long lastTime(String group) {
    for (Map.Entry<Long, Map<String, Datapoint>> e : byTime.descendingMap().entrySet()) {
      if (e.getValue().containsKey(group)) {
        return e.getKey();
      }
    }
    return -1;
  }

  /** The datapoint of a group at a tick, or null when it is not held. */
  Datapoint at(String group, long time) {
    Map<String, Datapoint> tick = byTime.get(time);
    return tick == null ? null : tick.get(group);
  }

  /** Every datapoint, in time order. */
  List<Datapoint> all() {
    List<Datapoint> out = new ArrayList<>();
    byTime.values().forEach(tick -> out.addAll(tick.values()));
    return out;
  }
}
