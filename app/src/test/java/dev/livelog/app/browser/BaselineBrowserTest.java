package dev.livelog.app.browser;

import static dev.livelog.common.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.PeriodConfig;
import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The day-earlier overlay: yesterday's datapoints of the requests-per-second group, written
 * through the store as the analyzer writes them (in a 10 s period: the 1 s period does not keep
 * a day, so the 1 s chart is overlaid from the coarser one), are drawn dashed under the 1 s
 * chart once its "−1d" toggle is pressed; the legend's change in percent is the one from
 * yesterday's value to the value it shows; the address keeps the overlay, so the same link
 * opens with it; an overlay with nothing to draw says why (nothing stored then, or further back
 * than datapoints are kept).
 */
class BaselineBrowserTest extends BrowserTest {
  private static final String TEN_SECONDS = "10s";
  private static final long DAY = 86_400_000;
  private static final double YESTERDAY = 4.0;
  private static final String READ_CHANGE = """
      const panel = document.querySelector(`article.panel[data-group='rps'][data-period='1s']`);
      const item = panel.querySelector(".legend li[data-series='requests']");
      return [panel.querySelector(".panel-time").dateTime, item.getAttribute("data-change-1d"),
        item.querySelector(".series-change[data-offset='1d']")?.textContent ?? null];
      """;

  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0, null), Map.of(), "",
        List.of(new PeriodConfig(TEN_SECONDS, Duration.ofSeconds(10), Duration.ofSeconds(15), 30)));
    startBrowser();
  }

  @Test
  void yesterdaysStoredDatapointsAreDrawnDashedWithTheChangeInTheLegend() throws Exception {
    long tick = System.currentTimeMillis() / 10_000 * 10_000;
    List<Datapoint> yesterday = new ArrayList<>();
    for (long t = tick - DAY - 120_000; t <= tick - DAY + 600_000; t += 10_000) {
      yesterday.add(new Datapoint(TEN_SECONDS, "rps", t, 40, Map.of("requests", YESTERDAY), Map.of()));
    }
    result(pipeline.store().saveDatapoints(yesterday));

    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/"));
    page.waitConnected(Duration.ofSeconds(10));
    pipeline.append(CacheLines.sample(Instant.now()));
    WebElement toggle = page.panel("rps", PipelineUnderTest.FAST)
        .findElement(By.cssSelector(".baseline-toggle[data-offset='1d']"));
    toggle.click();
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(page.currentUrl()).contains("compare=1s%3Arps%3A1d");
    awaitDashedOverlay(page);

    // A legend point with traffic (one read: the legend moves on every second), checked
    // against what the analyzer published for that point.
    List<?> read = page.waitFor("a change from yesterday at a point with requests", Duration.ofSeconds(15), d -> {
      List<?> r = (List<?>) driver.executeScript(READ_CHANGE);
      return r.get(1) != null && !r.get(1).equals("-100.0") ? r : null;
    });
    Datapoint shown = pipeline.published(PipelineUnderTest.FAST, "rps", Instant.parse((String) read.get(0)).toEpochMilli());
    assertThat(shown).as("the point the legend shows was published").isNotNull();
    double change = (shown.values().get("requests") - YESTERDAY) / YESTERDAY * 100;
    assertThat(read.get(1)).isEqualTo(String.format(Locale.ROOT, "%.1f", change));
    assertThat(read.get(2)).isEqualTo((change > 0 ? "+" : "−")
        + String.format(Locale.ROOT, "%.1f", Math.abs(change)) + "% −1d");

    // The same address opens with the overlay on.
    driver.get(page.currentUrl());
    page.waitConnected(Duration.ofSeconds(10));
    assertThat(page.panel("rps", PipelineUnderTest.FAST)
        .findElement(By.cssSelector(".baseline-toggle[data-offset='1d']")).getAttribute("aria-pressed"))
        .isEqualTo("true");
    awaitDashedOverlay(page);
    WebElement note = page.panel("rps", PipelineUnderTest.FAST).findElement(By.cssSelector(".baseline-note"));
    assertThat(note.isDisplayed()).as("yesterday's points are drawn: nothing to note").isFalse();

    // A group with nothing stored a day earlier: the toggle says so rather than drawing nothing
    // silently under a legend of "–".
    WebElement other = page.panel("upstreams", PipelineUnderTest.FAST);
    other.findElement(By.cssSelector(".baseline-toggle[data-offset='1d']")).click();
    WebElement otherNote = other.findElement(By.cssSelector(".baseline-note"));
    String nothingStored = page.waitFor("the note that nothing was stored a day earlier", Duration.ofSeconds(10),
        d -> otherNote.isDisplayed() ? otherNote.getText() : null);
    assertThat(nothingStored).isEqualTo("−1d: no datapoints were stored a day earlier over this range");

    // A week is further back than these periods keep datapoints: the reason, in the units a user
    // reads, and the day's overlay stays drawn beside it.
    WebElement week = page.panel("rps", PipelineUnderTest.FAST)
        .findElement(By.cssSelector(".baseline-toggle[data-offset='7d']"));
    week.click();
    String notKept = page.waitFor("the note that a week is not kept", Duration.ofSeconds(10),
        d -> note.isDisplayed() ? note.getText() : null);
    assertThat(notKept).isEqualTo("the same series a week earlier: 'offset' 7d reaches further back than datapoints are"
            + " kept here (1d8h: storage.retention plus a day, at most 11,520 points of a period)");
    week.click();
    page.waitFor("the note gone with the week's toggle", Duration.ofSeconds(10), d -> !note.isDisplayed());
    awaitDashedOverlay(page);
  }

  private void awaitDashedOverlay(DashboardPage page) {
    page.waitFor("yesterday's requests drawn under the 1 s chart", Duration.ofSeconds(15), d -> {
      String points = page.panel("rps", PipelineUnderTest.FAST).getAttribute("data-baseline-1d");
      return points != null && Integer.parseInt(points) > 0;
    });
    assertThat(page.panel("rps", PipelineUnderTest.FAST).getAttribute("data-baseline-dash-1d")).isEqualTo("6,4");
  }
}
