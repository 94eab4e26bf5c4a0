package dev.livelog.app.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends generated lines to a file at a steady rate, from its own thread, as an nginx would:
 * a batch every 100 ms, flushed, so a tail sees whole lines.
 */
public final class TrafficWriter implements AutoCloseable {
  private final Path file;
  private final int linesPerSecond;
  private final CacheLogGenerator generator = new CacheLogGenerator(System.nanoTime());
  private final Thread thread;
  private volatile boolean running = true;

  public TrafficWriter(Path file, int linesPerSecond) {
    this.file = file;
    this.linesPerSecond = linesPerSecond;
    this.thread = new Thread(this::run, "livelog-demo-traffic");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    long started = System.currentTimeMillis();
    long written = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      while (running) {
        long due = (System.currentTimeMillis() - started) * linesPerSecond / 1000;
        for (; written < due; written++) {
          out.write(generator.line(Instant.now()));
          out.write('\n');
        }
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException e) {
      System.err.println("livelog demo: cannot write " + file + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2_000);
  }
}
