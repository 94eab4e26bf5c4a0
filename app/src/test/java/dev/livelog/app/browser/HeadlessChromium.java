package dev.livelog.app.browser;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium in headless mode, driven through Debian's chromedriver. Both are named
 * explicitly, so Selenium never looks for (or downloads) a driver or a browser of its own. A
 * missing one fails the test with what to install: a browser test that cannot run is a
 * failure, not a skip.
 */
final class HeadlessChromium {
  static final String BROWSER = System.getProperty("livelog.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("livelog.chromedriver", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** {@code arguments}: more command-line switches, e.g. {@code --host-resolver-rules=...}. */
  static ChromeDriver start(Path profile, String... arguments) {
    requireExecutable(BROWSER, "chromium");
    requireExecutable(DRIVER, "chromium-driver");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(BROWSER)
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--user-data-dir=" + profile.toAbsolutePath())
        .addArguments(arguments);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return driver;
  }

  private static void requireExecutable(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(path + " is missing: the browser tests need Debian's "
          + debianPackage + " (apt-get install -y chromium chromium-driver; .ci/run does)");
    }
  }
}
