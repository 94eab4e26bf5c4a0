package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard that other machines can reach is authenticated, or says on purpose that it is
 * not: {@code run} refuses a non-loopback {@code web.host} without {@code web.auth}, and
 * {@code auth: none} is warned about at every start.
 */
class WebExposureTest {
  @TempDir Path dir;

  @Test
  void runRefusesANonLoopbackDashboardWithoutAuthNamingTheFieldAndTheReason() throws Exception {
    Path config = dir.resolve("exposed.yaml");
    Files.writeString(config, "storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web: {host: 0.0.0.0, port: 0}\n");
    CliTest.Run run = CliTest.livelog("run", "-c", config.toString(), "--roles", "web");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("web.auth").contains("'0.0.0.0'").contains("not loopback")
        .contains("auth: none");
  }

  @Test
  void withAuthNoneTheDashboardIsServedAndEveryStartWarns() throws Exception {
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r);
        }
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger web = Logger.getLogger("dev.livelog.web.WebVerticle");
    web.addHandler(capture);
    try {
      LivelogConfig config = ConfigLoader.parse("storage: {data_dir: '" + dir.resolve("data") + "'}\n"
          + "web: {host: 127.0.0.1, port: 0, auth: none}\n");
      for (int start = 1; start <= 2; start++) {
        LivelogNode node = LivelogNode.start(config, EnumSet.of(Role.WEB), false)
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
          HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + node.webPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(page.statusCode()).isEqualTo(200);
        } finally {
          node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        assertThat(warnings).as("a warning at start " + start).hasSize(start);
      }
      assertThat(warnings.get(0).getMessage()).contains("'none'").contains("open to anyone");
    } finally {
      web.removeHandler(capture);
    }
  }
}
