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
  @Test
  void withoutWebSocketsThePageStillStreamsLiveDatapoints() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", "delete window.WebSocket;\n" + DashboardPage.COUNT_BRIDGE_MESSAGES));
    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/"));
    assertThat(driver.executeScript("return typeof WebSocket")).isEqualTo("undefined");
    page.waitConnected(Duration.ofSeconds(15));
    long after = pipeline.newestTick(PipelineUnderTest.FAST);
    page.waitFor("live datapoints over XHR", Duration.ofSeconds(5),
        d -> page.bridgeMessages() >= 3
            && page.points("cache0", PipelineUnderTest.FAST)[2] > after);
    assertThat((Boolean) driver.executeScript("return performance.getEntriesByType('resource')"
        + ".some((e) => e.name.includes('/eventbus/') && e.name.includes('/xhr_send'))"))
        .as("the page's frames went up over xhr_send").isTrue();
  }
}
