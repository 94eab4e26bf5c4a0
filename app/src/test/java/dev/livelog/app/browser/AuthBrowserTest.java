package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.common.config.WebAuthConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * With {@code web.auth} on, nothing but the health probe answers without credentials: not the
 * page, not the API, not the bridge. A browser opened once with the token gets in and
 * streams live data over the bridge.
 */
class AuthBrowserTest extends BrowserTest {
  private static final String TOKEN = "t0ken-for-the-browser-test";
  private static final String PASSWORD = "pa55word-for-the-browser-test";

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    pipeline = new PipelineUnderTest(dir, new WebAuthConfig("LIVELOG_TEST_TOKEN", "ops", "LIVELOG_TEST_PASSWORD"),
        Map.of("LIVELOG_TEST_TOKEN", TOKEN, "LIVELOG_TEST_PASSWORD", PASSWORD));
  }

  @Test
  void thePageTheApiAndTheBridgeRefuseARequestWithoutCredentials() throws Exception {
    for (String path : new String[] {"/", "/app.js", "/api/config", "/api/history?period=1s",
        "/api/sources", "/eventbus/info"}) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> http.newWebSocketBuilder()
            .buildAsync(URI.create(pipeline.url("/eventbus/websocket").replace("http:", "ws:")),
                new WebSocket.Listener() {})
            .join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void aBrowserWithTheTokenGetsInAndStreams() throws Exception {
    startBrowser();
    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/"));
    assertThat(page.bodyText()).contains("needs credentials");

    page.open(pipeline.url("/?token=" + TOKEN));
    assertThat(page.currentUrl()).isEqualTo(pipeline.url("/"));
    page.waitConnected(Duration.ofSeconds(10));
    long after = pipeline.newestTick(PipelineUnderTest.FAST);
    page.waitFor("a live datapoint through the guarded bridge", Duration.ofSeconds(3),
        d -> page.points("cache0", PipelineUnderTest.FAST)[2] > after);
  }

  @Test
  void aBrowserSignsInWithTheFormLandsWhereItWasGoingAndSignsOut() throws Exception {
    startBrowser();
    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/index.html?from=link"));
    assertThat(page.bodyText()).contains("needs credentials");
    driver.findElement(By.name("user")).sendKeys("ops");
    driver.findElement(By.name("password")).sendKeys("wrong");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(page.bodyText()).contains("not right");

    driver.findElement(By.name("user")).sendKeys("ops");
    driver.findElement(By.name("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    page.waitConnected(Duration.ofSeconds(10));
    assertThat(page.currentUrl()).isEqualTo(pipeline.url("/index.html?from=link"));
    WebElement signOut = page.waitFor("the sign-out button", Duration.ofSeconds(5),
        d -> d.findElement(By.cssSelector("#sign-out button")).isDisplayed() ? d.findElement(By.cssSelector("#sign-out button")) : null);
    assertThat(driver.findElement(By.id("sign-out")).getAttribute("title")).contains("signed in as ops");

    signOut.click();
    page.waitFor("the sign-in page", Duration.ofSeconds(5), d -> page.bodyText().contains("needs credentials"));
    page.open(pipeline.url("/"));
    assertThat(page.bodyText()).as("signed out: the cookie is gone").contains("needs credentials");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(pipeline.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
