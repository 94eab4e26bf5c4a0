package dev.livelog.app.browser;

import java.nio.file.Path;
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
