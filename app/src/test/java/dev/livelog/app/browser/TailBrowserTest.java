package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The live tail panel in headless Chromium over the whole pipeline, with {@code web.tail_rate: 5}:
 * the lines written after the page opened, sampled above 5 a second with "1 in k" said, paused
 * and resumed, narrowed by a filter, a bad filter's error; and a tail whose opening is overtaken
 * (paused, hidden, a new filter while {@code POST /api/tail} is answered) closed as it arrives.
 */
class TailBrowserTest extends BrowserTest {
  private static final int RATE = 5;
  private static final Duration SOON = Duration.ofSeconds(10);
  /**
   * Run before the page's own scripts: holds the answers of {@code POST /api/tail} until the test
   * releases them (a slow server, as the test needs it), and records the tails opened and deleted
   * and the tail addresses registered on the bridge.
   */
  private static final String HOLD_TAIL_OPENS = """
      window.tails = { holding: true, held: [], opened: [], deleted: [], registered: [] };
      window.releaseTailOpens = (newestFirst) => {
        const held = window.tails.held.splice(0);
        (newestFirst ? held.reverse() : held).forEach((release) => release());
      };
      const realFetch = window.fetch;
      window.fetch = async (input, init = {}) => {
        const url = new URL(String(input), location.href);
        const method = init.method ?? "GET";
        if (method === "DELETE" && url.pathname.includes("/api/tail/")) {
          window.tails.deleted.push(url.pathname.split("/").pop());
        }
        const response = await realFetch(input, init);
        if (method !== "POST" || !url.pathname.endsWith("/api/tail")) return response;
        const tail = await response.clone().json();
        window.tails.opened.push({ id: tail.id, where: url.searchParams.get("where") });
        if (window.tails.holding) await new Promise((release) => window.tails.held.push(release));
        return response;
      };
      let eventBus;
      Object.defineProperty(window, "EventBus", {
        configurable: true,
        get: () => eventBus,
        set: (value) => {
          const register = value.prototype.registerHandler;
          const unregister = value.prototype.unregisterHandler;
          const tailAddress = (address) => address.startsWith("livelog.tail.page.");
          value.prototype.registerHandler = function (address, ...rest) {
            if (tailAddress(address)) window.tails.registered.push(address);
            return register.call(this, address, ...rest);
          };
          value.prototype.unregisterHandler = function (address, ...rest) {
            if (tailAddress(address)) window.tails.registered = window.tails.registered.filter((a) => a !== address);
            return unregister.call(this, address, ...rest);
          };
          eventBus = value;
        },
      });
      """;
  private DashboardPage page;

  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebConfig("127.0.0.1", 0).withTailRate(RATE), Map.of());
    startBrowser();
  }

  private void openPage() {
    page = openDashboard();
    page.waitFor("the tail to be live", SOON, d -> "live".equals(tail().getAttribute("data-state")));
  }

  @Test
  void showsTheLinesWrittenAfterThePageOpenedNotBefore() throws Exception {
    pipeline.append(upstreams("10.1.1.", 3));
    awaitParsed(3);
    openPage();
    pipeline.append(upstreams("10.2.2.", 3));
    page.waitFor("the three new lines in the tail", SOON, d -> shownUpstreams().size() == 3);
    assertThat(shownUpstreams()).as("newest on top")
        .containsExactly("10.2.2.2:80", "10.2.2.1:80", "10.2.2.0:80");
    WebElement line = tail().findElement(By.cssSelector(".tail-lines li"));
    assertThat(line.getAttribute("data-source")).isEqualTo("cache");
    assertThat(line.findElement(By.cssSelector(".tail-text")).getText())
        .as("the line as it was written").startsWith("***").contains("ups_ad: 10.2.2.2:80 ");
    WebElement status = line.findElement(By.cssSelector("[data-field='status']"));
    assertThat(status.isDisplayed()).isFalse();
    line.click();
    assertThat(status.isDisplayed()).as("a click shows the fields").isTrue();
    assertThat(status.getText()).isEqualTo("HIT");
    assertThat(stateText()).as("under the rate nothing is sampled").doesNotContain("1 in");
  }

  @Test
  void aboveTheRateItSamplesAndSaysOneInHowMany() throws Exception {
    openPage();
    pipeline.append(upstreams("10.3.", 200));
    page.waitFor("the tail to say it samples", SOON, d -> stateText().contains("1 in"));
    awaitParsed(200);
    awaitQuietSecond();
    // The 200 lines were parsed within one or two of the nodes' seconds: at most 5 shown for each.
    assertThat(shownUpstreams()).hasSizeBetween(RATE, 2 * RATE).doesNotHaveDuplicates();
    assertThat(Double.parseDouble(tail().getAttribute("data-one-in"))).isEqualTo(1.0);
  }

  @Test
  void pauseStopsTheLinesAndResumeBringsTheNewOnes() throws Exception {
    openPage();
    pipeline.append(upstreams("10.4.4.", 1));
    page.waitFor("the first line", SOON, d -> shownUpstreams().size() == 1);
    pauseButton().click();
    page.waitFor("the tail paused", SOON, d -> "paused".equals(tail().getAttribute("data-state")));
    assertThat(pauseButton().getText()).isEqualTo("Resume");

    long before = pipeline.parsedEvents();
    pipeline.append(upstreams("10.5.5.", 2));
    awaitParsed(before + 2);
    awaitTicks(3); // the nodes and the web node flush every second: a tail's second would have come
    assertThat(shownUpstreams()).containsExactly("10.4.4.0:80");
    assertThat(tail().getAttribute("data-state")).isEqualTo("paused");

    pauseButton().click();
    page.waitFor("the tail live again", SOON, d -> "live".equals(tail().getAttribute("data-state")));
    pipeline.append(upstreams("10.6.6.", 1));
    page.waitFor("the line written after resuming", SOON, d -> shownUpstreams().contains("10.6.6.0:80"));
    assertThat(shownUpstreams()).as("what was written while paused is not shown")
        .containsExactly("10.6.6.0:80", "10.4.4.0:80");
  }

  @Test
  void aFilterNarrowsTheTailAndIsKeptInTheUrl() throws Exception {
    openPage();
    WebElement where = tail().findElement(By.cssSelector(".tail-where"));
    where.sendKeys("ups_ad ~ ^10[.]7[.] and status: MISS", Keys.ENTER);
    page.waitFor("the filtered tail live", SOON, d -> "live".equals(tail().getAttribute("data-state"))
        && page.currentUrl().contains("tail="));
    Instant now = Instant.now();
    pipeline.append(List.of(
        CacheLines.line(now, "MISS", false, "10.7.0.1:80", "0.1"),
        CacheLines.line(now, "HIT", false, "10.7.0.2:80", "0.1"),
        CacheLines.line(now, "MISS", false, "10.8.0.1:80", "0.1"),
        CacheLines.line(now, "MISS", false, "10.7.0.3:80", "0.1")));
    awaitParsed(4);
    page.waitFor("the matching lines", SOON, d -> shownUpstreams().size() == 2);
    awaitQuietSecond();
    assertThat(shownUpstreams()).containsExactly("10.7.0.3:80", "10.7.0.1:80");

    driver.navigate().refresh();
    page.waitFor("the filter back from the URL", SOON, d -> "ups_ad ~ ^10[.]7[.] and status: MISS"
        .equals(tail().findElement(By.cssSelector(".tail-where")).getAttribute("value")));
  }

  @Test
  void aBadFilterSaysWhatIsWrong() {
    openPage();
    tail().findElement(By.cssSelector(".tail-where")).sendKeys("status >=", Keys.ENTER);
    page.waitFor("the error", SOON, d -> "error".equals(tail().getAttribute("data-state")));
    assertThat(tail().findElement(By.cssSelector(".tail-error")).getText())
        .startsWith("'where' expected a value after '>='");
    assertThat(page.currentUrl()).as("a refused filter is not kept in the link").doesNotContain("tail=");
    assertThat(tail().findElement(By.cssSelector(".tail-rate option")).getText()).isEqualTo("1 line/s");

    // Paused, a new filter is tried on resuming: the old one's error goes with it.
    pauseButton().click();
    WebElement where = tail().findElement(By.cssSelector(".tail-where"));
    where.clear();
    where.sendKeys("status >= 500", Keys.ENTER);
    page.waitFor("no error shown for a filter not tried yet", SOON,
        d -> !tail().findElement(By.cssSelector(".tail-error")).isDisplayed());
    assertThat(tail().getAttribute("data-state")).isEqualTo("paused");
    assertThat(page.currentUrl()).as("not taken yet, so not in the link").doesNotContain("tail=");
    pauseButton().click();
    page.waitFor("the tail live with the new filter, in the link", SOON,
        d -> "live".equals(tail().getAttribute("data-state")) && page.currentUrl().contains("tail=status+%3E%3D+500"));
    assertThat(tail().findElement(By.cssSelector(".tail-error")).isDisplayed()).isFalse();
  }

  @Test
  void pausedWhileItOpensTheTailIsClosedWhenItArrives() throws Exception {
    openHoldingTailOpens();
    page.waitFor("the tail's opening held", SOON, d -> held() == 1);
    pauseButton().click();
    page.waitFor("the tail paused", SOON, d -> "paused".equals(tail().getAttribute("data-state")));
    releaseTailOpens(false);
    String opened = openedIds().get(0);
    page.waitFor("the overtaken tail deleted", SOON, d -> deletedIds().contains(opened));
    assertThat(tail().getAttribute("data-state")).isEqualTo("paused");
    assertThat(pauseButton().getText()).isEqualTo("Resume");
    assertThat(registeredTails()).as("nothing subscribed for a paused panel").isEmpty();

    driver.executeScript("window.tails.holding = false;");
    pauseButton().click();
    page.waitFor("the tail live again", SOON, d -> "live".equals(tail().getAttribute("data-state")));
    assertThat(registeredTails()).as("one tail: the one opened on resuming").hasSize(1);
    pipeline.append(upstreams("10.9.9.", 1));
    page.waitFor("the line written after resuming", SOON, d -> shownUpstreams().contains("10.9.9.0:80"));
  }

  @Test
  void hiddenWhileItOpensTheTailIsClosedWhenItArrives() throws Exception {
    openHoldingTailOpens();
    page.waitFor("the tail's opening held", SOON, d -> held() == 1);
    driver.executeScript("""
        Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
        document.dispatchEvent(new Event("visibilitychange"));
        """);
    releaseTailOpens(false);
    String opened = openedIds().get(0);
    page.waitFor("the hidden page's tail deleted", SOON, d -> deletedIds().contains(opened));
    assertThat(registeredTails()).as("nothing subscribed for a hidden page").isEmpty();
  }

  @Test
  void aFilterTypedWhileTheTailOpensIsTheOneThatRuns() throws Exception {
    openHoldingTailOpens();
    page.waitFor("the tail's opening held", SOON, d -> held() == 1);
    tail().findElement(By.cssSelector(".tail-where")).sendKeys("status: MISS", Keys.ENTER);
    page.waitFor("the filtered tail's opening held too", SOON, d -> held() == 2);
    releaseTailOpens(true); // the unfiltered one arrives last
    page.waitFor("the unfiltered tail deleted", SOON, d -> deletedIds().contains(openedId("")));
    page.waitFor("the filtered tail live", SOON, d -> "live".equals(tail().getAttribute("data-state")));
    assertThat(registeredTails()).containsExactly("livelog.tail.page." + openedId("status: MISS"));
    assertThat(deletedIds()).doesNotContain(openedId("status: MISS"));

    Instant now = Instant.now();
    pipeline.append(List.of(
        CacheLines.line(now, "HIT", false, "10.10.0.1:80", "0.1"),
        CacheLines.line(now, "MISS", false, "10.10.0.2:80", "0.1")));
    awaitParsed(2);
    page.waitFor("the MISS line", SOON, d -> shownUpstreams().contains("10.10.0.2:80"));
    awaitQuietSecond();
    assertThat(shownUpstreams()).as("only the filter's lines").containsExactly("10.10.0.2:80");
  }

  private void openHoldingTailOpens() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOLD_TAIL_OPENS));
    page = openDashboard();
  }

  private long held() {
    return (Long) driver.executeScript("return window.tails.held.length");
  }

  private void releaseTailOpens(boolean newestFirst) {
    driver.executeScript("window.releaseTailOpens(arguments[0])", newestFirst);
  }

  @SuppressWarnings("unchecked")
  private List<String> openedIds() {
    return (List<String>) driver.executeScript("return window.tails.opened.map((t) => t.id)");
  }

  private String openedId(String where) {
    return (String) driver.executeScript(
        "return window.tails.opened.find((t) => t.where === arguments[0])?.id ?? null", where);
  }

  @SuppressWarnings("unchecked")
  private List<String> deletedIds() {
    return (List<String>) driver.executeScript("return window.tails.deleted");
  }

  @SuppressWarnings("unchecked")
  private List<String> registeredTails() {
    return (List<String>) driver.executeScript("return window.tails.registered");
  }

  private WebElement tail() {
    return driver.findElement(By.id("tail"));
  }

  private WebElement pauseButton() {
    return tail().findElement(By.cssSelector(".tail-pause"));
  }

  private String stateText() {
    return tail().findElement(By.cssSelector(".tail-state")).getText();
  }

  @SuppressWarnings("unchecked")
  private List<String> shownUpstreams() {
    return new ArrayList<>((List<String>) driver.executeScript("""
        return [...document.querySelectorAll("#tail .tail-lines li [data-field='ups_ad']")].map((f) => f.textContent);
        """));
  }

  /** {@code count} HIT lines from upstreams {@code prefix}0:80, {@code prefix}1:80, ... */
  private static List<String> upstreams(String prefix, int count) {
    Instant now = Instant.now();
    return IntStream.range(0, count)
        .mapToObj(i -> CacheLines.line(now, "HIT", false, prefix + i + ":80", "0.1")).toList();
  }

  private void awaitParsed(long events) {
    page().waitFor(events + " events parsed", SOON, d -> pipeline.parsedEvents() >= events);
  }

  /** Waits for a second of the tail in which nothing matched: what was parsed has been shown. */
  private void awaitQuietSecond() {
    page.waitFor("a quiet second", SOON, d -> "0".equals(tail().getAttribute("data-matched")));
  }

  private void awaitTicks(int ticks) {
    long first = pipeline.newestTick(PipelineUnderTest.FAST);
    page.waitFor(ticks + " more ticks", SOON,
        d -> pipeline.newestTick(PipelineUnderTest.FAST) >= first + ticks * 1000L);
  }

  private DashboardPage page() {
    return page == null ? new DashboardPage(driver) : page;
  }
}
