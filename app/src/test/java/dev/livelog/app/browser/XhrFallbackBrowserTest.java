package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebAuthConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser without WebSockets (as behind a proxy that blocks them) falls back to SockJS over
 * plain HTTP requests: its registrations go up in {@code xhr_send} bodies and live datapoints
 * come down all the same.
 */
class XhrFallbackBrowserTest extends BrowserTest {
  /**
   * No WebSocket, and a count of the messages the bridge delivers to the page's handlers
   * (live datapoints, not the history the page also fetches on every open).
   */
  private static final String WITHOUT_WEBSOCKETS = """
      delete window.WebSocket;
      window.bridgeMessages = 0;
      let eventBus;
      Object.defineProperty(window, "EventBus", {
        configurable: true,
        get: () => eventBus,
        set: (value) => {
          const register = value.prototype.registerHandler;
          value.prototype.registerHandler = function (address, headers, callback) {
            const handler = callback || headers;
            const counted = (error, message) => {
              if (!error) window.bridgeMessages++;
              handler(error, message);
            };
            return callback ? register.call(this, address, headers, counted)
                : register.call(this, address, counted);
          };
          eventBus = value;
        },
      });
      """;

  @Test
  void withoutWebSocketsThePageStillStreamsLiveDatapoints() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", WITHOUT_WEBSOCKETS));
    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/"));
    assertThat(driver.executeScript("return typeof WebSocket")).isEqualTo("undefined");
    page.waitConnected(Duration.ofSeconds(15));
    long after = pipeline.newestTick(PipelineUnderTest.FAST);
    page.waitFor("live datapoints over XHR", Duration.ofSeconds(5),
        d -> ((Number) driver.executeScript("return window.bridgeMessages")).longValue() >= 3
            && page.points("cache0", PipelineUnderTest.FAST)[2] > after);
    assertThat((Boolean) driver.executeScript("return performance.getEntriesByType('resource')"
        + ".some((e) => e.name.includes('/eventbus/') && e.name.includes('/xhr_send'))"))
        .as("the page's frames went up over xhr_send").isTrue();
  }
}
