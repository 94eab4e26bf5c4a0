package dev.livelog.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.app.tls.TestCertificates;
import dev.livelog.common.config.WebAuthConfig;
import dev.livelog.common.config.WebConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * The dashboard over HTTPS ({@code web.tls}) in Chromium, which trusts the test's self-signed
 * certificate by its public key and nothing else: the page loads, the bridge streams live
 * datapoints over a secure WebSocket, and the session cookie is marked Secure.
 */
class TlsBrowserTest extends BrowserTest {
  private static final String TOKEN = "t0ken-over-tls";

  @Test
  void thePageAndItsBridgeWorkOverHttps() throws Exception {
    TestCertificates.Issued cert = TestCertificates.selfSigned(dir.resolve("tls"), "livelog", "127.0.0.1");
    WebConfig web = new WebConfig("127.0.0.1", 0, new WebAuthConfig("TLS_TOKEN", null, null))
        .withTls(new WebConfig.Tls(cert.certFile().toString(), cert.keyFile().toString()));
    pipeline = new PipelineUnderTest(dir, web, Map.of("TLS_TOKEN", TOKEN));
    assertThat(pipeline.url("/")).startsWith("https://");
    startBrowser("--ignore-certificate-errors-spki-list=" + cert.spkiSha256());
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", DashboardPage.COUNT_BRIDGE_MESSAGES));

    DashboardPage page = new DashboardPage(driver).open(pipeline.url("/?token=" + TOKEN));
    assertThat(page.currentUrl()).isEqualTo(pipeline.url("/"));
    page.waitConnected(Duration.ofSeconds(10));
    page.waitFor("live datapoints over wss", Duration.ofSeconds(5), d -> page.bridgeMessages() >= 2);
    assertThat(driver.executeScript("return location.protocol")).isEqualTo("https:");
    Cookie session = driver.manage().getCookieNamed("livelog_session");
    assertThat(session.isSecure()).isTrue();
    assertThat(session.isHttpOnly()).isTrue();
  }
}
