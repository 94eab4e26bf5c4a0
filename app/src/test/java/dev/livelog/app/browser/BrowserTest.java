package dev.livelog.app.browser;

import dev.livelog.common.config.WebAuthConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every browser test holds: the pipeline under test and a headless Chromium, started by
 * the test as it needs them and both closed after it.
 */
abstract class BrowserTest {
  @TempDir Path dir;
  PipelineUnderTest pipeline;
  ChromeDriver driver;

  ChromeDriver startBrowser(String... arguments) {
    driver = HeadlessChromium.start(dir.resolve("profile"), arguments);
    return driver;
  }

  /** The pipeline without auth, the browser, and its dashboard connected to the bridge. */
  DashboardPage startWithDashboard() throws Exception {
    pipeline = new PipelineUnderTest(dir, (WebAuthConfig) null, Map.of());
    startBrowser();
    return openDashboard();
  }

  /** The pipeline's dashboard in the browser, once it is connected to the bridge. */
  DashboardPage openDashboard() {
    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/"));
    page.waitConnected(Duration.ofSeconds(10));
    return page;
  }

  @AfterEach
  void closeBrowserAndPipeline() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }
}
