package dev.livelog.source.ssh;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The processes a test's SSH server runs for a source, found by their command line. */
public final class ServerProcesses {
  private ServerProcesses() {}

  /** Processes whose command line holds the marker, with everything they started. */
  public static Set<ProcessHandle> matching(String marker) {
    Set<ProcessHandle> out = new HashSet<>();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .forEach(p -> {
          out.add(p);
          out.addAll(p.descendants().collect(Collectors.toSet()));
        });
    return out;
  }

  /** Waits until none of the processes is alive; returns those still alive after the wait. */
  public static Set<ProcessHandle> aliveAfter(Set<ProcessHandle> processes, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    Set<ProcessHandle> alive = processes;
    while (System.currentTimeMillis() < deadline) {
      alive = processes.stream().filter(ProcessHandle::isAlive).collect(Collectors.toSet());
      if (alive.isEmpty()) {
        return alive;
      }
      Thread.sleep(50);
    }
    return alive;
  }
}
