package dev.livelog.app.browser;

import dev.livelog.common.config.WebAuthConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.browser.DashboardPage.PanelReading;
import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.GroupConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The dashboard in headless Chromium over the whole pipeline: every configured group at every
 * period with its legend, live datapoints within two intervals showing the analyzer's values,
 * the sources table and the dead letters; and a screenshot under target/screenshots.
 */
class DashboardBrowserTest extends BrowserTest {
  private static final Duration TWO_INTERVALS = Duration.ofSeconds(2);
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "dashboard.png");

  private DashboardPage page;

  @BeforeEach
  void start() throws Exception {
    page = startWithDashboard();
  }

  @Test
  void showsEveryGroupWithItsLegendAndTheAnalyzersValuesLive() throws Exception {
    assertThat(page.periods()).containsExactly(PipelineUnderTest.SLOW, PipelineUnderTest.FAST);
    for (String period : page.periods()) {
      for (Map.Entry<String, GroupConfig> group : pipeline.config.groups().entrySet()) {
        assertThat(page.title(group.getKey(), period)).isEqualTo(group.getValue().label());
      }
      assertThat(page.legendLabels("cache0", period))
          .containsExactly("HIT", "MISS", "EXPIRED", "UPDATING", "STALE");
    }

    pipeline.append(CacheLines.sample(Instant.now()));
    Datapoint first = awaitPublished(p -> p.group().equals("cache0") && p.events() == 10);
    long publishedAt = System.currentTimeMillis();
    page.waitFor("the datapoint of " + Instant.ofEpochMilli(first.time()) + " on the page", TWO_INTERVALS,
        d -> shownTime("cache0") >= first.time());
    assertThat(System.currentTimeMillis() - publishedAt).isLessThanOrEqualTo(TWO_INTERVALS.toMillis());

    page.waitFor("the upstream series in the legend", TWO_INTERVALS,
        d -> page.legendLabels("aurt", PipelineUnderTest.FAST).containsAll(List.of("10.0.0.1:80", "10.0.0.2:80")));
    for (String group : pipeline.config.groups().keySet()) {
      assertShowsTheAnalyzersValues(group);
    }
    PanelReading cache = page.read("cache0", PipelineUnderTest.FAST);
    assertThat(cache.values()).containsEntry("HIT", "60.0%").containsEntry("MISS", "30.0%");
    PanelReading table = page.read("statuses", PipelineUnderTest.FAST);
    assertThat(table.values().keySet()).containsSubsequence("MISS", "HIT", "EXPIRED");

    page.waitFor("the source streaming in the sources table", Duration.ofSeconds(5),
        d -> "streaming".equals(page.sourceRow("cache").get("state")));
    assertThat(page.sourceRow("cache").get("path")).isEqualTo(pipeline.log.toString());

    pipeline.append(List.of("this is not a cache log line"));
    page.waitFor("the dead letter on the page", Duration.ofSeconds(10), d -> page.deadLetterCount() == 1);
    assertThat(page.deadLetterSamples()).contains("this is not a cache log line");

    assertThat(page.screenshot(SCREENSHOT)).isNotEmptyFile();
  }

  @Test
  void valuesPastAnAnalyzersMaxSeriesShowAsOtherLastWithHowManyItHolds() throws Exception {
    // max_series: 1 over two upstreams: 10.0.0.1 (6 requests) keeps its series, 10.0.0.2 (2)
    // is folded into other.
    pipeline.append(CacheLines.sample(Instant.now()));
    page.waitFor("the busiest upstream, then other, in the legend", Duration.ofSeconds(10),
        d -> page.legendLabels("upstreams", PipelineUnderTest.FAST).equals(List.of("10.0.0.1:80", "other")));
    page.waitFor("both upstreams' requests counted", Duration.ofSeconds(10), d -> {
      PanelReading reading = page.read("upstreams", PipelineUnderTest.FAST);
      return reading != null && reading.values().equals(Map.of("10.0.0.1:80", "6", "other", "2"));
    });
    assertThat(page.legendFolded("upstreams", PipelineUnderTest.FAST)).isEqualTo(Map.of("other", "(1 value)"));
  }

  @Test
  void followsTheSystemsDarkPreferenceAndFitsAPhone() throws Exception {
    pipeline.append(CacheLines.sample(Instant.now()));
    page.waitFor("the lines on the chart", Duration.ofSeconds(10), d -> {
      PanelReading reading = page.read("cache0", PipelineUnderTest.FAST);
      return reading != null && reading.events().equals("10 events");
    });
    assertThat(page.backgroundColor()).isEqualTo("rgb(245, 246, 248)");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    page.waitFor("the dark theme", Duration.ofSeconds(2), d -> page.backgroundColor().equals("rgb(15, 18, 22)"));
    page.screenshot(SCREENSHOT.resolveSibling("dashboard-dark.png"));

    driver.manage().window().setSize(new Dimension(390, 844));
    page.waitFor("every chart within a phone's width", Duration.ofSeconds(2), d -> page.fitsTheWidth());
    assertThat(page.periodColumnsStacked()).isTrue();
    page.screenshot(SCREENSHOT.resolveSibling("dashboard-phone.png"));
  }

  /**
   * Reads the panel and the analyzer's datapoint for the very tick the panel shows, so the
   * values compared are of one moment even while new ticks arrive.
   */
  private void assertShowsTheAnalyzersValues(String group) {
    GroupConfig config = pipeline.config.groups().get(group);
    PanelReading reading = page.read(group, PipelineUnderTest.FAST);
    Datapoint published = pipeline.published(PipelineUnderTest.FAST, group, reading.time().toEpochMilli());
    assertThat(published).as("the analyzer published the tick the page shows").isNotNull();
    assertThat(reading.events()).isEqualTo(String.format(Locale.ROOT, "%,d events", published.events()));
    published.values().forEach((series, value) -> assertThat(reading.values())
        .as(group + " " + series)
        .containsEntry(series, formatted(config.format(), value)));
  }

  /** What the page's printf-like formatter makes of a value, for the formats used here. */
  private static String formatted(String format, Double value) {
    if (value == null) {
      return "–";
    }
    return format.contains("%d") ? String.format(Locale.ROOT, format, Math.round(value))
        : String.format(Locale.ROOT, format, value);
  }

  private long shownTime(String group) {
    PanelReading reading = page.read(group, PipelineUnderTest.FAST);
    return reading == null ? -1 : reading.time().toEpochMilli();
  }

  private Datapoint awaitPublished(java.util.function.Predicate<Datapoint> match) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      long tick = pipeline.newestTick(PipelineUnderTest.FAST);
      Datapoint p = pipeline.published(PipelineUnderTest.FAST, "cache0", tick);
      if (p != null && match.test(p)) {
        return p;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the analyzer published no matching datapoint");
  }
}
