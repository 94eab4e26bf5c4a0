package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What other web sites can do with a visitor's Chromium, against the whole pipeline: a page
 * served from another port opens a SockJS connection to livelog's bridge and gets nothing,
 * unless its origin is in {@code web.allowed_origins}; a name that an attacker re-points at
 * this machine (DNS rebinding, done here by Chromium's own resolver rules) gets neither the
 * page nor the API, unless it is one of {@code web.public_hosts}.
 */
class CrossSiteBrowserTest extends BrowserTest {
  private static final String ADDRESS = "livelog.analytics." + PipelineUnderTest.FAST;
  private static final String REBOUND = "rebound.example";
  private OtherSite other;

  @AfterEach
  void closeOtherSite() throws Exception {
    if (other != null) {
      other.close();
    }
  }

  @Test
  void aPageOfAnotherOriginOpensTheBridgeAndIsRefused() throws Exception {
    other = new OtherSite(ADDRESS);
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0), Map.of());
    startBrowser();
    driver.get(other.page(pipeline.url("/eventbus")));
    new DashboardPage(driver).waitFor("the other site's connection to end", Duration.ofSeconds(15),
        d -> events().contains("close"));
    Thread.sleep(2_000); // the analyzer publishes every second: nothing may arrive meanwhile
    assertThat(events()).doesNotContain("open");
    assertThat(received()).isZero();
  }

  /** The same page streams when livelog lets its origin in: the refusal is the origin check. */
  @Test
  void aPageOfAnAllowedOriginStreams() throws Exception {
    other = new OtherSite(ADDRESS);
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0)
        .withPublicHosts(List.of(), List.of(other.origin())), Map.of());
    startBrowser();
    driver.get(other.page(pipeline.url("/eventbus")));
    new DashboardPage(driver).waitFor("datapoints on the page of an allowed origin",
        Duration.ofSeconds(15), d -> received() > 0);
  }

  @Test
  void aReboundNameGetsNeitherThePageNorTheApi() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0), Map.of());
    startBrowser("--host-resolver-rules=MAP " + REBOUND + " 127.0.0.1");
    for (String path : List.of("/", "/api/sources", "/api/config")) {
      driver.get("http://" + REBOUND + ":" + pipeline.port() + path);
      assertThat(driver.findElement(By.tagName("body")).getText()).as(path)
          .contains("does not answer to the name '" + REBOUND + "'")
          .doesNotContain("groups").doesNotContain("sources\"");
    }
    // The same address by a loopback name is the dashboard.
    DashboardPage page = new DashboardPage(driver).open("http://localhost:" + pipeline.port() + "/");
    page.waitConnected(Duration.ofSeconds(10));
  }

  @Test
  void aPublicHostIsServed() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0)
        .withPublicHosts(List.of(REBOUND), List.of()), Map.of());
    startBrowser("--host-resolver-rules=MAP " + REBOUND + " 127.0.0.1");
    DashboardPage page = new DashboardPage(driver).open("http://" + REBOUND + ":" + pipeline.port() + "/");
    page.waitConnected(Duration.ofSeconds(10));
  }

  private long received() {
    return ((Number) driver.executeScript("return window.received")).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<String> events() {
    return (List<String>) driver.executeScript("return window.events");
  }
}
