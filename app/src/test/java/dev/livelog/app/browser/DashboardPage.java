package dev.livelog.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a test reads it, through the page's stable hooks: {@code #connection}'s
 * {@code data-state}, panels by {@code data-group} and {@code data-period} (with
 * {@code data-points}, {@code data-first}, {@code data-last}), legend items and table rows by
 * {@code data-series}, source rows by {@code data-source}, the dead-letter count.
 */
final class DashboardPage {
  /** One panel at one moment: the newest point's time, its event count and each series' text, in page order. */
  record PanelReading(Instant time, String events, Map<String, String> values) {}

  private static final String READ_PANEL = """
      const panel = document.querySelector(
          `article.panel[data-group="${arguments[0]}"][data-period="${arguments[1]}"]`);
      if (!panel) return null;
      const items = [...panel.querySelectorAll(".legend li, table.top-table tr[data-series]")];
      return {
        time: panel.querySelector("time.panel-time").dateTime,
        events: panel.querySelector(".panel-events").textContent,
        values: items.map((i) => [i.dataset.series, i.querySelector(".series-value").textContent]),
      };
      """;

  /**
   * A script to run before the page's own (CDP's Page.addScriptToEvaluateOnNewDocument): counts
   * the messages the bridge delivers to the page's handlers in {@code window.bridgeMessages},
   * live datapoints rather than the history the page also fetches whenever the bridge opens.
   */
  static final String COUNT_BRIDGE_MESSAGES = """
      window.bridgeMessages = 0;
      let eventBus;
      Object.defineProperty(window, "EventBus", {
        configurable: true,
        get: () => eventBus,
        set: (value) => {
          const register = value.prototype.registerHandler;
          value.prototype.registerHandler = function (address, headers, callback) {
            const handler = callback || headers;
            const counted = (error, message) => {
              if (!error) window.bridgeMessages++;
              handler(error, message);
            };
            return callback ? register.call(this, address, headers, counted)
                : register.call(this, address, counted);
          };
          eventBus = value;
        },
      });
      """;

  private final ChromeDriver driver;

  DashboardPage(ChromeDriver driver) {
    this.driver = driver;
  }

  DashboardPage open(String url) {
    driver.get(url);
    return this;
  }

  <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(what).until(condition);
  }

  /** Needs {@link #COUNT_BRIDGE_MESSAGES} run before the page. */
  long bridgeMessages() {
    return ((Number) driver.executeScript("return window.bridgeMessages")).longValue();
  }

  String connection() {
    return driver.findElement(By.id("connection")).getAttribute("data-state");
  }

  void waitConnected(Duration timeout) {
    waitFor("the page to connect to the bridge", timeout, d -> connection().equals("connected"));
  }

  List<String> periods() {
    return driver.findElements(By.cssSelector("section.period")).stream()
        .map(e -> e.getAttribute("data-period")).toList();
  }

  WebElement panel(String group, String period) {
    return driver.findElement(By.cssSelector(
        "article.panel[data-group='" + group + "'][data-period='" + period + "']"));
  }

  List<String> legendLabels(String group, String period) {
    return panel(group, period).findElements(By.cssSelector(".legend li .series-name")).stream()
        .map(WebElement::getText).toList();
  }

  /** The legend's folded series (an analyzer's {@code other}) with the text of how many values each holds. */
  Map<String, String> legendFolded(String group, String period) {
    Map<String, String> folded = new LinkedHashMap<>();
    panel(group, period).findElements(By.cssSelector(".legend li[data-folded]")).forEach(item ->
        folded.put(item.getAttribute("data-series"), item.findElement(By.cssSelector(".series-folded")).getText()));
    return folded;
  }

  String title(String group, String period) {
    return panel(group, period).findElement(By.cssSelector(".panel-title")).getText();
  }

  @SuppressWarnings("unchecked")
  PanelReading read(String group, String period) {
    Map<String, Object> raw = (Map<String, Object>) driver.executeScript(READ_PANEL, group, period);
    if (raw == null || raw.get("time") == null || ((String) raw.get("time")).isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    ((List<List<String>>) raw.get("values")).forEach(pair -> values.put(pair.get(0), pair.get(1)));
    return new PanelReading(Instant.parse((String) raw.get("time")), (String) raw.get("events"), values);
  }

  /** The panel's point count and first and last times, from its data attributes. */
  long[] points(String group, String period) {
    WebElement panel = panel(group, period);
    return new long[] {attribute(panel, "data-points"), attribute(panel, "data-first"),
        attribute(panel, "data-last")};
  }

  /**
   * Moves the mouse over a panel's chart to {@code time}, {@code nudge} pixels to the right (a
   * point is a few pixels wide), as an operator does to read a past value: the legend then
   * shows the point under the cursor. The plot spans the panel's first to last point.
   */
  void hover(String group, String period, Instant time, int nudge) {
    long[] span = points(group, period);
    WebElement plot = panel(group, period).findElement(By.cssSelector(".u-over"));
    double fraction = (double) (time.toEpochMilli() - span[1]) / (span[2] - span[1]);
    int width = plot.getRect().getWidth();
    int x = (int) Math.round(fraction * width - width / 2.0) + nudge;
    new Actions(driver).moveToElement(plot, x, 0).perform();
  }

  private static long attribute(WebElement element, String name) {
    String value = element.getAttribute(name);
    return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
  }

  /** A source's row, cell text by column; read in one go, as the table is redrawn every 2 s. */
  @SuppressWarnings("unchecked")
  Map<String, String> sourceRow(String id) {
    Map<String, String> row = (Map<String, String>) driver.executeScript("""
        const row = document.querySelector(`#sources tr[data-source="${arguments[0]}"]`);
        return row && Object.fromEntries([...row.cells].map((c) => [c.dataset.field, c.textContent]));
        """, id);
    return row == null ? Map.of() : row;
  }

  long deadLetterCount() {
    return Long.parseLong(driver.findElement(By.cssSelector("#deadletters [data-count]")).getAttribute("data-count"));
  }

  String deadLetterSamples() {
    return driver.findElement(By.cssSelector("#deadletters .samples")).getText();
  }

  /** Marks the document, to tell later whether the page reloaded (a reconnect must not). */
  void mark() {
    driver.executeScript("window.livelogTestMark = true;");
  }

  boolean marked() {
    return Boolean.TRUE.equals(driver.executeScript("return window.livelogTestMark === true;"));
  }

  Path screenshot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  String backgroundColor() {
    return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
  }

  /** Nothing, charts included, is wider than the window: no sideways scrolling. */
  boolean fitsTheWidth() {
    return Boolean.TRUE.equals(driver.executeScript("""
        const width = document.documentElement.clientWidth;
        return document.documentElement.scrollWidth <= width
            && [...document.querySelectorAll(".panel-chart canvas")].every((c) => c.getBoundingClientRect().right <= width);
        """));
  }

  /** The period columns sit one above the other rather than side by side. */
  boolean periodColumnsStacked() {
    List<WebElement> columns = driver.findElements(By.cssSelector("section.period"));
    return columns.stream().map(c -> c.getRect().getX()).distinct().count() == 1;
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }
}
