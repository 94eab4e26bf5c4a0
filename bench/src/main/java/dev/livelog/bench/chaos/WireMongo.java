package dev.livelog.bench.chaos;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * The store: a MongoDB wire-protocol server in this JVM (mongo-java-server; no real mongod can
 * be installed where this runs), its data in an H2 file so that it survives a stop and a start
 * on the same port, as a mongod restart would.
 */
final class WireMongo implements AutoCloseable {
  private final Path file;
  private MongoServer server;
  private int port;
  private long downAt;
  private long downMillis;

  WireMongo(Path file) {
    this.file = file;
  }

  /** Starts serving: on a free port the first time, on the same port after a stop. */
  void start() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      MongoServer next = new MongoServer(new H2Backend(file.toString()));
      try {
        next.bind("127.0.0.1", port);
        server = next;
        port = next.getLocalAddress().getPort();
        if (downAt > 0) {
          downMillis = System.currentTimeMillis() - downAt;
        }
        return;
      } catch (RuntimeException portNotFreeYet) {
        next.shutdownNow();
        if (System.currentTimeMillis() > deadline) {
          throw portNotFreeYet;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Stops serving: connections are closed, new ones refused. */
  void stop() {
    server.shutdownNow();
    server = null;
    downAt = System.currentTimeMillis();
  }

  String describeOutage() {
    return "store down for " + downMillis + " ms";
  }

  int port() {
    return port;
  }

  /** The URI as an operator would write it: the driver's own timeouts. */
  String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdownNow();
    }
  }
}
