package dev.livelog.alert;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook receiver that does not answer, and what livelog logs of it. */
class WebhookReceiverTest {
  /** The logger the receiver logs to (kept: java.util.logging holds its loggers weakly). */
  private final Logger log = Logger.getLogger(WebhookReceiver.class.getName());
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(new SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private HttpServer silent;
  private Vertx vertx;

  @BeforeEach
  void start() throws Exception {
    log.addHandler(capture);
    // Takes each request and never answers it: the receiver's timeout ends every attempt.
    silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    silent.createContext("/", exchange -> { });
    silent.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
    result(vertx.close());
    silent.stop(0);
  }

  @Test
  void aTimeoutIsLoggedWithTheHostButNotThePathOrQueryThatHoldTheToken() throws Exception {
    String url = "http://127.0.0.1:" + silent.getAddress().getPort() + "/services/T0KEN-SECRET?key=s3cret";
    WebhookReceiver receiver = new WebhookReceiver(vertx, "ops", url, null, Duration.ofSeconds(1));
    vertx.runOnContext(v -> receiver.send(new WebhookReceiver.Notification("errors", "0a firing",
        Buffer.buffer("{}"), "errors [5xx] firing", () -> { })));

    long deadline = System.currentTimeMillis() + 15_000;
    while (logged.stream().noneMatch(m -> m.contains("not delivered")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    vertx.runOnContext(v -> receiver.close());

    assertThat(logged).as("a failed attempt is logged").anyMatch(m -> m.contains("not delivered")
        && m.contains("errors [5xx] firing") && m.contains("http://127.0.0.1:"));
    assertThat(logged).noneMatch(m -> m.contains("T0KEN-SECRET") || m.contains("s3cret"));
  }
}
