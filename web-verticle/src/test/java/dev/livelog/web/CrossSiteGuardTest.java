package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.WebConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Other web sites cannot use a visitor's browser against the dashboard: a page of another
 * origin cannot open the bridge or call the API, and a page whose name was re-pointed at the
 * server (DNS rebinding) is refused by its {@code Host}.
 */
class CrossSiteGuardTest {
  private int port;
  private BlockingHttp http;

  @AfterEach
  void close() throws Exception {
    if (http != null) {
      http.close();
    }
  }

  private void start(WebConfig web) throws Exception {
    http = BlockingHttp.serving(TestServer.config().withWeb(web), Map.of());
    port = http.port;
  }

  private WebConfig loopback() {
    return TestServer.config().web();
  }

  @Test
  void aRequestNamingAnotherHostIsRefusedUnlessItIsAPublicHost() throws Exception {
    start(loopback());
    for (String path : List.of("/", "/api/config", "/eventbus/info")) {
      HttpResponse<Buffer> rebound = http.get(path, "Host", "evil.example:" + port);
      assertThat(rebound.statusCode()).as(path).isEqualTo(403);
      assertThat(rebound.bodyAsString()).as(path).contains("evil.example").contains("web.public_hosts");
    }
    for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST")) {
      assertThat(http.get("/api/config", "Host", host).statusCode()).as(host).isEqualTo(200);
    }
    assertThat(http.get("/health/live", "Host", "10.1.2.3:8080").statusCode())
        .as("probes are reached by the pod's address").isEqualTo(200);
  }

  @Test
  void publicHostsAreServed() throws Exception {
    start(loopback().withPublicHosts(List.of("livelog.example.com"), List.of()));
    assertThat(http.get("/api/config", "Host", "livelog.example.com").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/config", "Host", "Livelog.Example.com:8443").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/config", "Host", "example.com").statusCode()).isEqualTo(403);
  }

  @Test
  void theBridgeRefusesAPageOfAnotherOrigin() throws Exception {
    start(loopback());
    String other = "http://127.0.0.1:" + (port + 1);
    assertThat(http.get("/eventbus/info", "Origin", other).statusCode()).isEqualTo(403);
    assertThat(http.post("/eventbus/000/s1/xhr", "", "Origin", other).statusCode()).isEqualTo(403);
    assertThat(http.get("/eventbus/info", "Origin", "null").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/sources", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
    assertThat(http.webSocketStatus("Origin", other)).isEqualTo(403);
    // The page's own origin, as reached by the browser, is let in.
    assertThat(http.get("/eventbus/info", "Origin", "http://127.0.0.1:" + port).statusCode()).isEqualTo(200);
    assertThat(http.get("/eventbus/info", "Origin", "http://localhost:" + port,
        "Host", "localhost:" + port).statusCode()).isEqualTo(200);
    assertThat(http.webSocketStatus("Origin", "http://127.0.0.1:" + port)).isEqualTo(101);
  }

  @Test
  void allowedOriginsMayOpenTheBridge() throws Exception {
    start(loopback().withPublicHosts(List.of(), List.of("https://grafana.example.com")));
    assertThat(http.get("/eventbus/info", "Origin", "https://grafana.example.com").statusCode()).isEqualTo(200);
    assertThat(http.get("/eventbus/info", "Origin", "https://grafana.example.com:443").statusCode()).isEqualTo(200);
    assertThat(http.get("/eventbus/info", "Origin", "http://grafana.example.com").statusCode()).isEqualTo(403);
  }

  @Test
  void theOwnOriginBehindATlsProxyIsTheHostWithTheOriginsScheme() {
    CrossSiteGuard guard = new CrossSiteGuard(loopback().withPublicHosts(List.of("livelog.example.com"), List.of()));
    HostAndPort viaProxy = HostAndPort.create("livelog.example.com", -1);
    assertThat(guard.originAllowed("https://livelog.example.com", viaProxy)).isTrue();
    assertThat(guard.originAllowed("http://livelog.example.com", viaProxy)).isTrue();
    assertThat(guard.originAllowed("https://livelog.example.com:8443", viaProxy)).isFalse();
    assertThat(guard.originAllowed("https://evil.example", viaProxy)).isFalse();
    assertThat(guard.originAllowed("javascript:alert(1)", viaProxy)).isFalse();
  }
}
