package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebAuthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Splitting a chart by a field in headless Chromium, over the whole pipeline: typed in a live
 * panel, the chart becomes one series per virtual host (from stored events), within the
 * analyzer's max_series and other, and clearing it brings the configured chart back; the split
 * is kept in the address, so a reload shows it again; a split chart offers no baselines
 * (datapoints are stored unsplit).
 */
class SplitBrowserTest extends BrowserTest {
  private static final Duration SOON = Duration.ofSeconds(20);
  private DashboardPage page;

  @BeforeEach
  void start() throws Exception {
    page = startWithDashboard();
  }

  /** a.example 5 requests, b.example 3, c.example 1, all through upstream 10.0.0.1. */
  private void writeThreeHosts() throws Exception {
    Instant now = Instant.now();
    List<String> lines = new ArrayList<>();
    Map.of("a.example", 5, "b.example", 3, "c.example", 1).forEach((host, count) -> {
      for (int i = 0; i < count; i++) {
        lines.add(CacheLines.line(now, "MISS", false, "10.0.0.1:80", "0.100", host));
      }
    });
    pipeline.append(lines);
  }

  @Test
  void splitByHostShowsOneSeriesPerHost() throws Exception {
    writeThreeHosts();
    split("rps", "domain");
    page.waitFor("a series per host", SOON, d -> legend(splitPanel("rps")).equals(
        List.of("requests a.example", "requests b.example", "requests c.example")));
    assertThat(splitPanel("rps").findElement(By.cssSelector(".panel-title")).getText())
        .isEqualTo("Requests per second by domain");
    assertThat(page.panel("rps", PipelineUnderTest.FAST).isDisplayed()).as("the configured chart gives way").isFalse();

    splitPanel("rps").findElement(By.cssSelector(".split-clear")).click();
    page.waitFor("the configured chart back", SOON, d -> page.panel("rps", PipelineUnderTest.FAST).isDisplayed()
        && driver.findElements(By.cssSelector("article.split")).isEmpty());
    assertThat(page.legendLabels("rps", PipelineUnderTest.FAST)).containsExactly("requests");
  }

  @Test
  void theSplitIsInTheAddressSoAReloadShowsItAgain() throws Exception {
    writeThreeHosts();
    split("rps", "domain");
    page.waitFor("a series per host", SOON, d -> legend(splitPanel("rps")).size() == 3);
    assertThat(page.currentUrl()).contains("split=1s%3Arps%3Adomain");

    driver.navigate().refresh();
    page.waitConnected(SOON);
    page.waitFor("the split chart back", SOON, d -> legend(splitPanel("rps")).equals(
        List.of("requests a.example", "requests b.example", "requests c.example")));
    assertThat(splitPanel("rps").findElement(By.cssSelector(".panel-title")).getText())
        .isEqualTo("Requests per second by domain");
    assertThat(splitPanel("rps").findElement(By.cssSelector(".split-field")).getAttribute("value")).isEqualTo("domain");
    assertThat(page.panel("rps", PipelineUnderTest.FAST).isDisplayed()).isFalse();
    assertThat(driver.findElements(By.cssSelector("article.split"))).as("only the panel split").hasSize(1);

    splitPanel("rps").findElement(By.cssSelector(".split-clear")).click();
    page.waitFor("the configured chart back", SOON, d -> page.panel("rps", PipelineUnderTest.FAST).isDisplayed());
    assertThat(page.currentUrl()).doesNotContain("split=");
  }

  @Test
  void aSplitChartFollowsTheSystemsDarkPreference() throws Exception {
    writeThreeHosts();
    split("rps", "domain");
    page.waitFor("a series per host", SOON, d -> legend(splitPanel("rps")).size() == 3);
    assertThat(firstSwatch()).as("the light palette's first colour").isEqualTo("rgba(78, 121, 167, 1)");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    page.waitFor("the dark palette on the split chart", SOON, d -> firstSwatch().equals("rgba(107, 155, 209, 1)"));

    WebElement field = splitPanel("rps").findElement(By.cssSelector(".split-field"));
    field.clear();
    field.sendKeys("source", Keys.ENTER);
    page.waitFor("the new split", SOON, d -> legend(splitPanel("rps")).equals(List.of("requests cache")));
    assertThat(firstSwatch()).as("a split made after the change has the dark palette too").isEqualTo("rgba(107, 155, 209, 1)");
  }

  private String firstSwatch() {
    return splitPanel("rps").findElement(By.cssSelector(".legend li .swatch")).getCssValue("background-color");
  }

  @Test
  void aSplitChartOffersNoBaselinesEvenWhenTheAddressHasTheGroups() throws Exception {
    page.open(pipeline.url("/?compare=1s:rps:1d")).waitConnected(SOON);
    assertThat(page.panel("rps", PipelineUnderTest.FAST).findElements(By.cssSelector(".baseline-toggle")))
        .as("the configured chart has its toggles").hasSize(2);
    writeThreeHosts();
    split("rps", "domain");
    page.waitFor("a series per host", SOON, d -> legend(splitPanel("rps")).size() == 3);
    WebElement split = splitPanel("rps");
    assertThat(split.findElements(By.cssSelector(".baseline-toggle"))).as("no toggles that draw nothing").isEmpty();
    assertThat(split.findElements(By.cssSelector(".legend .series-change")))
        .as("no change from a baseline the split has not").isEmpty();
    assertThat(split.getAttribute("data-baseline-1d")).isNull();
  }

  @Test
  void theAnalyzersSeriesCapHolds() throws Exception {
    // The upstreams group's analyzer keeps max_series: 1: the busiest host alone, the rest as other.
    writeThreeHosts();
    split("upstreams", "$domain");
    page.waitFor("the busiest host, then other", SOON,
        d -> legend(splitPanel("upstreams")).equals(List.of("a.example", "other")));
  }

  @Test
  void aBadFieldNameSaysWhy() {
    split("rps", "not a field");
    page.waitFor("the reason", SOON, d -> splitPanel("rps").findElement(By.cssSelector(".period-note")).getText()
        .contains("'split' must be a field name"));
  }

  private void split(String group, String field) {
    WebElement input = page.panel(group, PipelineUnderTest.FAST).findElement(By.cssSelector(".split-field"));
    input.sendKeys(field, Keys.ENTER);
  }

  private WebElement splitPanel(String group) {
    return driver.findElement(By.cssSelector(
        "article.split[data-group='" + group + "'][data-period='" + PipelineUnderTest.FAST + "']"));
  }

  private static List<String> legend(WebElement panel) {
    return panel.findElements(By.cssSelector(".legend li .series-name")).stream().map(WebElement::getText).toList();
  }
}
