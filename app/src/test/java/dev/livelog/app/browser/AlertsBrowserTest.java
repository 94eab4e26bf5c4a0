package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * An alert as an operator meets it on the page: nothing while traffic is healthy; when the
 * cache starts missing, a banner and a firing row in the alerts list, live over the bridge;
 * its link opens the stored range around it with the group's panel in view.
 */
class AlertsBrowserTest extends BrowserTest {
  private static final String ALERTS = """
      alerts:
        misses:
          group: cache0
          series: MISS
          period: 1s
          above: 80
          keep_firing_for: 1m
          severity: critical
          annotations: {summary: "the cache misses {{ $value }} of requests"}
      """;

  @Test
  void aFiringAlertShowsABannerAndARowThatLinksToItsWindow() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0), Map.of(), ALERTS);
    startBrowser();
    DashboardPage page = openDashboard();
    assertThat(driver.findElement(By.id("alerts")).isDisplayed()).as("the list, with rules configured").isTrue();
    assertThat(driver.findElement(By.id("alert-banner")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.cssSelector("#alerts .empty")).isDisplayed()).isTrue();

    List<String> misses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      misses.add(CacheLines.line(Instant.now(), "MISS", false, "10.0.0.1:80", "0.100"));
    }
    pipeline.append(misses);

    page.waitFor("the banner", Duration.ofSeconds(15),
        d -> driver.findElement(By.id("alert-banner")).isDisplayed());
    WebElement banner = driver.findElement(By.id("alert-banner"));
    assertThat(banner.getText()).isEqualTo("1 alert firing: misses MISS");
    assertThat(banner.getAttribute("data-severity")).isEqualTo("critical");
    // The row is read whole from one drawing of the list (it is redrawn every 2 s).
    List<String> cells = new ArrayList<>();
    page.waitFor("the firing row read", Duration.ofSeconds(10), d -> {
      try {
        WebElement row = d.findElement(By.cssSelector("#alerts tr[data-state='firing']"));
        cells.clear();
        for (String field : List.of("alert", "value", "summary")) {
          cells.add(row.findElement(By.cssSelector("[data-field='" + field + "']")).getText());
        }
        return true;
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
    assertThat(cells).containsExactly("misses", "100.0%", "the cache misses 100.0% of requests");
    assertThat(driver.findElement(By.cssSelector("#alerts [data-count]")).getText()).isEqualTo("1");

    // The list is drawn again with every alert message (every 2 s): the row read above may be
    // gone by the time it is clicked, so the link is looked up afresh until a click lands.
    page.waitFor("the window link clicked", Duration.ofSeconds(10), d -> {
      try {
        d.findElement(By.cssSelector("#alerts tr[data-state='firing'] a.alert-window")).click();
        return true;
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
    page.waitFor("the stored range around the alert", Duration.ofSeconds(10),
        d -> driver.findElement(By.id("past")).isDisplayed());
    assertThat(page.currentUrl()).contains("?group=cache0&from=");
    assertThat(driver.findElement(By.id("periods")).isDisplayed()).isFalse();
    page.waitFor("the group's panel marked", Duration.ofSeconds(10),
        d -> !driver.findElements(By.cssSelector("#past .panel.highlight[data-group='cache0']")).isEmpty());
    // The drill-down opens on the requests behind the alert: the ten misses written.
    assertThat(page.currentUrl()).contains("&drill=cache0&drill.series=MISS&drill.from=");
    page.waitFor("the drill-down on the alert's requests", Duration.ofSeconds(15), d -> {
      WebElement drill = d.findElement(By.id("drilldown"));
      return "shown".equals(drill.getAttribute("data-state")) && "10".equals(drill.getAttribute("data-total"));
    });
    WebElement drill = driver.findElement(By.id("drilldown"));
    assertThat(drill.getAttribute("data-group")).isEqualTo("cache0");
    assertThat(drill.getAttribute("data-series")).isEqualTo("MISS");
  }
}
