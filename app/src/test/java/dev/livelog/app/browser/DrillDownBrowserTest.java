package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.bus.Datapoint;
import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The drill-down in headless Chromium over the whole pipeline: lines written with known
 * times, a click on a chart's point (and on a legend item) lists exactly the events of that
 * datapoint's window, checked against the lines written and the datapoint's own count; a drag
 * across points lists exactly the events of their windows; the filter narrows them; the URL
 * reopens the panel as it was.
 */
class DrillDownBrowserTest extends BrowserTest {
  private static final Duration SOON = Duration.ofSeconds(20);
  private static final String FAST = PipelineUnderTest.FAST;
  private DashboardPage page;
  /** Each line written, by its time (whole seconds, as the log writes them). */
  private final Map<String, Instant> written = new LinkedHashMap<>();

  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0), Map.of());
    startBrowser();
  }

  /**
   * Ten seconds of lines, one to three a second, each with an upstream of its own, dated a
   * few seconds ahead: they are parsed before any tick whose window holds them, so every
   * datapoint counts them all.
   */
  private Instant writeLines() throws Exception {
    Instant base = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      for (int k = 0; k <= s % 3; k++) {
        Instant t = base.plusSeconds(s);
        String line = CacheLines.line(t, k == 1 ? "HIT" : "MISS", false, "10.9." + s + "." + k + ":80", "0.25");
        lines.add(line);
        written.put(line, t);
      }
    }
    pipeline.append(lines);
    return base;
  }

  private WebElement drill() {
    return driver.findElement(By.id("drilldown"));
  }

  private long drillLong(String attribute) {
    return Long.parseLong(drill().getAttribute(attribute));
  }

  /** The lines shown, top to bottom, read in one go. */
  @SuppressWarnings("unchecked")
  private List<String> shownLines() {
    return (List<String>) driver.executeScript(
        "return [...document.querySelectorAll('#drilldown tbody tr .event-line')].map((c) => c.textContent)");
  }

  private void waitShown(String what) {
    page.waitFor(what, SOON, d -> "shown".equals(drill().getAttribute("data-state"))
        && !drill().getAttribute("data-total").isEmpty());
  }

  /** The lines written in the panel's window, newest first, keeping only those {@code status} allows. */
  private List<String> expected(String status) {
    long from = drillLong("data-from");
    long to = drillLong("data-to");
    List<String> out = new ArrayList<>();
    written.forEach((line, t) -> {
      if (t.toEpochMilli() >= from && t.toEpochMilli() < to && (status == null || line.contains("cache: " + status + " "))) {
        out.add(line);
      }
    });
    out.sort((a, b) -> written.get(b).compareTo(written.get(a)));
    return out;
  }

  /** Same lines; within one second the order is by offset, newest first. */
  private void assertShowsExactly(List<String> expected) {
    assertThat(drillLong("data-total")).isEqualTo(expected.size());
    List<String> shown = shownLines();
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    for (int i = 1; i < shown.size(); i++) {
      assertThat(written.get(shown.get(i - 1))).as("newest first").isAfterOrEqualTo(written.get(shown.get(i)));
    }
  }

  /**
   * Clicks the live chart of {@code group} at the point of {@code time}: the x axis spans the
   * period's history, ending half a step after the newest point.
   */
  private void clickPoint(String group, Instant time) {
    new Actions(driver).moveToElement(plot(group), xOf(group, time), 0).click().perform();
  }

  private WebElement plot(String group) {
    return plot(page.panel(group, FAST));
  }

  private static WebElement plot(WebElement panel) {
    return panel.findElement(By.cssSelector(".u-over"));
  }

  /**
   * Where the point of {@code time} is on the live chart of {@code group}, in pixels from the
   * plot's centre: the x axis spans the period's history, ending half a step after the newest
   * point.
   */
  private int xOf(String group, Instant time) {
    return xOf(page.panel(group, FAST), time);
  }

  private int xOf(WebElement panel, Instant time) {
    long last = Long.parseLong(panel.getAttribute("data-last"));
    int history = pipeline.config.periods().stream().filter(p -> p.name().equals(FAST)).findFirst()
        .orElseThrow().history();
    double min = last - (history - 0.5) * 1000;
    double max = last + 500;
    int width = plot(panel).getRect().getWidth();
    return (int) Math.round((time.toEpochMilli() - min) / (max - min) * width - width / 2.0);
  }

  /**
   * Drags across the live chart of {@code group} from the point of {@code first} to that of
   * {@code last}, as an operator marks a span with the mouse. The chart moves one point left
   * with every tick: a drag that a tick overtook (the newest point changed while it was
   * aimed) is let go and made again.
   */
  private void drag(String group, Instant first, Instant last) {
    page.waitFor("a drag between two ticks", SOON, d -> {
      String newest = page.panel(group, FAST).getAttribute("data-last");
      int from = xOf(group, first);
      int to = xOf(group, last);
      new Actions(driver).moveToElement(plot(group), from, 0).clickAndHold()
          .moveToElement(plot(group), (from + to) / 2, 0).moveToElement(plot(group), to, 0)
          .release().perform();
      if (newest.equals(page.panel(group, FAST).getAttribute("data-last"))) {
        return true;
      }
      if (drill().isDisplayed()) {
        drill().findElement(By.cssSelector(".drill-close")).click();
      }
      return false;
    });
  }

  /**
   * Opens the page, writes the lines and waits until {@code group}'s chart shows the point
   * {@code seconds} after the first line's time; returns that time.
   */
  private Instant openPageAndWriteLines(String group, int seconds) throws Exception {
    page = new DashboardPage(driver).open(pipeline.url("/"));
    page.waitConnected(SOON);
    Instant base = writeLines();
    long shown = base.plusSeconds(seconds).toEpochMilli();
    page.waitFor("the point " + seconds + " s after the first line", SOON, d -> pipeline.newestTick(FAST) >= shown
        && Long.parseLong(page.panel(group, FAST).getAttribute("data-last")) >= shown);
    return base;
  }

  @Test
  void aClickedPointListsExactlyItsEventsTheFilterNarrowsThemAndTheUrlReopensThem() throws Exception {
    Instant base = openPageAndWriteLines("rps", 8);

    clickPoint("rps", base.plusSeconds(8));
    waitShown("the events of the point clicked");
    assertThat(drill().getAttribute("data-group")).isEqualTo("rps");
    assertThat(drill().getAttribute("data-series")).isEqualTo("requests");
    long to = drillLong("data-to");
    assertThat(to - drillLong("data-from")).as("the period's window").isEqualTo(6_000);
    List<String> all = expected(null);
    assertThat(all).as("the point clicked holds lines written").isNotEmpty();
    assertShowsExactly(all);
    Datapoint point = pipeline.published(FAST, "rps", to);
    assertThat(point).isNotNull();
    assertThat(drillLong("data-total")).as("the datapoint's own count").isEqualTo(point.events());
    WebElement first = drill().findElement(By.cssSelector("tbody tr.event"));
    assertThat(first.findElement(By.cssSelector("td[data-field='status']")).getText()).isIn("HIT", "MISS");

    WebElement where = drill().findElement(By.cssSelector(".drill-where"));
    where.sendKeys("status: MISS", Keys.ENTER);
    page.waitFor("the filtered events", SOON, d -> page.currentUrl().contains("drill.where=")
        && "shown".equals(drill().getAttribute("data-state"))
        && drillLong("data-total") == expected("MISS").size());
    assertShowsExactly(expected("MISS"));
    assertThat(expected("MISS")).hasSizeLessThan(all.size());

    String link = page.currentUrl();
    driver.get(pipeline.url("/"));
    page.waitConnected(SOON);
    assertThat(drill().isDisplayed()).isFalse();
    driver.get(link);
    waitShown("the panel reopened from its link");
    assertThat(drill().getAttribute("data-group")).isEqualTo("rps");
    assertThat(drillLong("data-to")).isEqualTo(to);
    assertThat(drill().findElement(By.cssSelector(".drill-where")).getAttribute("value")).isEqualTo("status: MISS");
    assertShowsExactly(expected("MISS"));

    drill().findElement(By.cssSelector(".drill-close")).click();
    page.waitFor("the panel closed", SOON, d -> !drill().isDisplayed() && !page.currentUrl().contains("drill="));
  }

  private String summary() {
    return drill().findElement(By.cssSelector(".drill-summary")).getText();
  }

  private boolean isEnabled(String button) {
    return drill().findElement(By.cssSelector(button)).isEnabled();
  }

  @Test
  void aBadFilterListsNothingAndAFilterOfAFieldNoEventHasSaysSo() throws Exception {
    Instant base = openPageAndWriteLines("rps", 8);
    clickPoint("rps", base.plusSeconds(8));
    waitShown("the events of the point clicked");
    assertShowsExactly(expected(null));
    WebElement where = drill().findElement(By.cssSelector(".drill-where"));

    // A refused filter: no list, no total, no paging, and the link keeps the list shown before.
    where.sendKeys("status >=", Keys.ENTER);
    page.waitFor("the filter's error", SOON, d -> "error".equals(drill().getAttribute("data-state")));
    assertThat(drill().findElement(By.cssSelector(".drill-error")).getText())
        .startsWith("'where' expected a value after '>='");
    assertThat(shownLines()).as("no rows that would look filtered").isEmpty();
    assertThat(drill().getAttribute("data-total")).isEmpty();
    assertThat(summary()).startsWith("No events listed: the filter is not valid").doesNotContain("events from");
    assertThat(isEnabled(".drill-older")).isFalse();
    assertThat(isEnabled(".drill-newer")).isFalse();
    assertThat(page.currentUrl()).contains("drill=rps").doesNotContain("drill.where");

    // A filter on a field the format does not have (the cache status is 'status' here): the
    // summary names it and the fields there are, rather than a bare 0.
    where.clear();
    where.sendKeys("cache: MISS", Keys.ENTER);
    page.waitFor("the answer to a filter of an absent field", SOON,
        d -> "shown".equals(drill().getAttribute("data-state")) && "0".equals(drill().getAttribute("data-total")));
    assertThat(summary()).startsWith("0 events from")
        .contains("no event of this series here has a field 'cache' (an event's fields: ").contains("status");
    assertThat(shownLines()).isEmpty();
    assertThat(page.currentUrl()).as("a filter taken is kept").contains("drill.where=cache");

    where.clear();
    where.sendKeys("status: MISS", Keys.ENTER);
    page.waitFor("the good filter's list", SOON, d -> "shown".equals(drill().getAttribute("data-state"))
        && String.valueOf(expected("MISS").size()).equals(drill().getAttribute("data-total")));
    assertShowsExactly(expected("MISS"));
    assertThat(summary()).doesNotContain("no event of");
    assertThat(page.currentUrl()).contains("drill.where=status");
  }

  @Test
  void aPointOfASplitChartListsTheEventsOfItsBucketAsManyAsItCounted() throws Exception {
    Instant base = openPageAndWriteLines("rps", 8);
    page.panel("rps", FAST).findElement(By.cssSelector(".split-field")).sendKeys("source", Keys.ENTER);
    long shown = base.plusSeconds(8).toEpochMilli();
    page.waitFor("the split chart up to the point", SOON, d -> splitPanel().getAttribute("data-last") != null
        && !splitPanel().getAttribute("data-last").isEmpty() && Long.parseLong(splitPanel().getAttribute("data-last")) >= shown);

    // The split chart moves a point left whenever it is asked again: a click that a refresh
    // overtook is let go and made again. The legend shows the point under the cursor.
    String[] value = new String[1];
    page.waitFor("a click between two refreshes", SOON, d -> {
      String newest = splitPanel().getAttribute("data-last");
      int x = xOf(splitPanel(), base.plusSeconds(8));
      new Actions(driver).moveToElement(plot(splitPanel()), x, 0).perform();
      value[0] = splitPanel().findElement(By.cssSelector(".legend li[data-series='requests cache'] .series-value")).getText();
      new Actions(driver).moveToElement(plot(splitPanel()), x, 0).click().perform();
      if (newest.equals(splitPanel().getAttribute("data-last"))) {
        return true;
      }
      if (drill().isDisplayed()) {
        drill().findElement(By.cssSelector(".drill-close")).click();
      }
      return false;
    });
    waitShown("the events of the split point clicked");
    assertThat(drill().getAttribute("data-series")).isEqualTo("requests cache");
    assertThat(page.currentUrl()).contains("drill.split=source");
    assertThat(drillLong("data-to")).isEqualTo(shown);
    assertThat(drillLong("data-to") - drillLong("data-from"))
        .as("the split's point is a stored bucket of one interval, not the period's 6 s window").isEqualTo(1_000);
    assertShowsExactly(expected(null));
    assertThat(drillLong("data-total")).as("the lines of second 7").isEqualTo(2);
    assertThat(value[0]).as("the split point's rate over its one second: as many events as listed").isEqualTo("2.0");
  }

  private WebElement splitPanel() {
    return driver.findElement(By.cssSelector("article.split[data-group='rps'][data-period='" + FAST + "']"));
  }

  @Test
  void aDragAcrossPointsListsExactlyTheEventsOfTheirWindows() throws Exception {
    Instant base = openPageAndWriteLines("rps", 9);

    drag("rps", base.plusSeconds(2), base.plusSeconds(6));
    waitShown("the events of the points dragged across");
    assertThat(drill().getAttribute("data-group")).isEqualTo("rps");
    assertThat(drill().getAttribute("data-series")).as("every event of the group").isEmpty();
    assertThat(drillLong("data-from")).as("the first point's window starts")
        .isEqualTo(base.plusSeconds(2).minusSeconds(6).toEpochMilli());
    assertThat(drillLong("data-to")).as("the last point's window ends").isEqualTo(base.plusSeconds(6).toEpochMilli());
    List<String> inRange = expected(null);
    assertThat(inRange).as("the lines of seconds 0 to 5, none after").hasSize(1 + 2 + 3 + 1 + 2 + 3)
        .allMatch(line -> written.get(line).isBefore(base.plusSeconds(6)));
    assertShowsExactly(inRange);
    assertThat(page.currentUrl()).contains("drill=rps").doesNotContain("drill.series")
        .contains("drill.from=" + drillLong("data-from")).contains("drill.to=" + drillLong("data-to"));
  }

  @Test
  void theOtherSeriesListsTheEventsOfTheValuesItsPointDidNotShow() throws Exception {
    // One upstream a line, max_series 1: a point shows one by name and folds the rest.
    openPageAndWriteLines("upstreams", 4);

    page.panel("upstreams", FAST).findElement(By.cssSelector(".legend li[data-series='other']")).click();
    waitShown("the events of the newest point's other");
    assertThat(drill().getAttribute("data-series")).isEqualTo("other");
    Datapoint point = pipeline.published(FAST, "upstreams", drillLong("data-to"));
    assertThat(point).isNotNull();
    List<String> named = point.values().keySet().stream().filter(name -> !name.equals("other")).toList();
    assertThat(named).hasSize(1);
    List<String> folded = expected(null).stream()
        .filter(line -> !line.contains("ups_ad: " + named.get(0) + " ")).toList();
    assertThat(folded).as("lines of upstreams the point did not show").isNotEmpty();
    assertShowsExactly(folded);
    assertThat(drillLong("data-total")).as("the point's other").isEqualTo(Math.round(point.values().get("other")));
  }

  @Test
  void aLegendItemListsItsSeriesEventsAtThePointShown() throws Exception {
    openPageAndWriteLines("cache0", 4);

    page.panel("cache0", FAST).findElement(By.cssSelector(".legend li[data-series='MISS']")).click();
    waitShown("the MISS events of the newest point");
    assertThat(drill().getAttribute("data-series")).isEqualTo("MISS");
    assertShowsExactly(expected("MISS"));
    Datapoint point = pipeline.published(FAST, "cache0", drillLong("data-to"));
    assertThat(point).isNotNull();
    assertThat(drillLong("data-total")).as("MISS's share of the datapoint's events")
        .isEqualTo(Math.round(point.values().get("MISS") * point.events() / 100));
  }
}
