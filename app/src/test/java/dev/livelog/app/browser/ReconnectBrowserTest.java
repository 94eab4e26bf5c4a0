package dev.livelog.app.browser;

import dev.livelog.common.config.WebAuthConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server the page talks to stops and comes back while the analyzer keeps ticking: the
 * page notices, reconnects by itself (no reload) and refetches what it missed, so the chart
 * holds every point the analyzer published across the outage.
 */
class ReconnectBrowserTest extends BrowserTest {
  private static final String GROUP = "cache0";
  private static final String PERIOD = PipelineUnderTest.FAST;


  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
  }

  @Test
  void reconnectsByItselfAndTheChartHasNoHole() throws Exception {
    DashboardPage page = openDashboard();
    pipeline.append(CacheLines.sample(Instant.now()));
    page.waitFor("three points before the outage", Duration.ofSeconds(5), d -> page.points(GROUP, PERIOD)[0] >= 3);
    page.mark();

    long down = System.currentTimeMillis();
    pipeline.stopWeb();
    page.waitFor("the page to notice the outage", Duration.ofSeconds(5),
        d -> page.connection().equals("reconnecting"));
    Thread.sleep(2_500);
    pipeline.startWeb();
    long up = System.currentTimeMillis();
    page.waitConnected(Duration.ofSeconds(10));
    page.waitFor("a live point after the restart", Duration.ofSeconds(3),
        d -> page.points(GROUP, PERIOD)[2] > up);

    assertThat(page.marked()).as("reconnected without reloading the page").isTrue();
    long[] points = page.points(GROUP, PERIOD);
    long first = points[1];
    long last = points[2];
    assertThat(first).as("the chart starts before the outage").isLessThan(down - 1_000);
    assertThat(last).as("and goes on after it").isGreaterThan(up);
    // The analyzer ticks once a second; the page must hold every tick it published in the span,
    // those published while the page was cut off included.
    long published = pipeline.publishedTicks(PERIOD, GROUP, first, last);
    assertThat(published).as("the analyzer ticked through the outage")
        .isGreaterThanOrEqualTo((up - down) / 1_000);
    assertThat(points[0]).as("points from " + Instant.ofEpochMilli(first) + " to "
        + Instant.ofEpochMilli(last)).isEqualTo(published);
  }
}
