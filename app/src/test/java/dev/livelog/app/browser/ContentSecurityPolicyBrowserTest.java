package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebAuthConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard runs whole under its Content-Security-Policy (no inline script, nothing from
 * elsewhere): Chromium reports no violation while the page lays itself out, connects and draws
 * live datapoints.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {
  private static final String RECORD_VIOLATIONS = """
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation",
          (e) => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));
      """;

  @Test
  void theDashboardMeetsItsOwnPolicy() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    DashboardPage page = openDashboard();
    long after = pipeline.newestTick(PipelineUnderTest.FAST);
    page.waitFor("a live datapoint", Duration.ofSeconds(5),
        d -> page.points("cache0", PipelineUnderTest.FAST)[2] > after);
    page.waitFor("two points to hover between", Duration.ofSeconds(5),
        d -> page.points("cache0", PipelineUnderTest.FAST)[0] >= 2);
    page.hover("cache0", PipelineUnderTest.FAST,
        java.time.Instant.ofEpochMilli(page.points("cache0", PipelineUnderTest.FAST)[2]), 0);
    assertThat((List<?>) driver.executeScript("return window.cspViolations")).isEmpty();
  }
}
