package dev.livelog.app.browser;

import dev.livelog.common.config.WebAuthConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.browser.DashboardPage.PanelReading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The zoom into the past: traffic from two hours ago, long out of every live window, is in the
 * store; choosing "Last 6 hours" swaps the live columns for panels computed from stored events
 * by /api/query; their legends show the newest point with traffic, and so does hovering over
 * that time; "Live" brings the live columns back.
 */
class PastRangeBrowserTest extends BrowserTest {
  private static final String PAST = "past";


  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
  }

  @Test
  void showsStoredTrafficBeyondTheLiveWindowUnderTheCursor() throws Exception {
    Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    pipeline.append(CacheLines.sample(twoHoursAgo));
    awaitStored(twoHoursAgo);

    DashboardPage page = openDashboard();
    new Select(driver.findElement(By.id("range"))).selectByValue("6h");

    page.waitFor("the stored traffic in the past panel's legend", Duration.ofSeconds(10), d -> {
      PanelReading newestWithTraffic = page.read("cache0", PAST);
      return newestWithTraffic != null && newestWithTraffic.events().equals("10 events");
    });
    PanelReading cache = scrubTo(page, "cache0", twoHoursAgo, "10 events");
    assertThat(cache.time()).isBetween(twoHoursAgo.minus(2, ChronoUnit.MINUTES), twoHoursAgo.plus(2, ChronoUnit.MINUTES));
    assertThat(cache.values()).containsEntry("HIT", "60.0%").containsEntry("MISS", "30.0%")
        .containsEntry("EXPIRED", "10.0%");
    assertThat(scrubTo(page, "aurt", twoHoursAgo, "14 events").values())
        .containsEntry("10.0.0.1:80", "0.20").containsEntry("10.0.0.2:80", "0.50");
    assertThat(driver.findElement(By.id("periods")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("past")).getText()).contains("a point every 2 min");

    new Select(driver.findElement(By.id("range"))).selectByValue("live");
    page.waitFor("the live columns back", Duration.ofSeconds(2),
        d -> driver.findElement(By.id("periods")).isDisplayed() && !driver.findElement(By.id("past")).isDisplayed());
  }

  /** Moves the cursor across the few pixels around {@code time} until the legend shows traffic. */
  private static PanelReading scrubTo(DashboardPage page, String group, Instant time, String events) {
    for (int nudge = -12; nudge <= 12; nudge++) {
      page.hover(group, PAST, time, nudge);
      PanelReading reading = page.read(group, PAST);
      if (reading != null && !reading.events().equals("0 events")) {
        assertThat(reading.events()).isEqualTo(events);
        return reading;
      }
    }
    throw new AssertionError(group + ": no point with traffic under the cursor around " + time);
  }

  /** Waits until /api/query sees the ten non-media requests: the page is opened on stored data. */
  private void awaitStored(Instant at) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI query = URI.create(pipeline.url("/api/query?group=cache0&step=2m&from="
        + at.minus(10, ChronoUnit.MINUTES).toEpochMilli() + "&to=" + at.plus(10, ChronoUnit.MINUTES).toEpochMilli()));
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(query).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        JsonArray points = new JsonObject(answer.body()).getJsonArray("datapoints");
        if (points.stream().map(JsonObject.class::cast).anyMatch(p -> p.getLong("events", 0L) == 10)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the store never answered the ten requests of " + at);
  }
}
