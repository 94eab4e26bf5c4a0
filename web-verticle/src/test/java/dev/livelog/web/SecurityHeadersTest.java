package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Every response carries the headers that keep browsers from misusing it. */
class SecurityHeadersTest {
  @AutoClose private final BlockingHttp http = BlockingHttp.serving(TestServer.config(), Map.of());

  @Test
  void everyResponseForbidsFramingSniffingInlineScriptAndReferrers() throws Exception {
    for (String path : List.of("/", "/app.js", "/api/config", "/api/nothing", "/missing.html",
        "/health/live", "/metrics", "/eventbus/info")) {
      HttpResponse<Buffer> response = http.get(path);
      String csp = response.getHeader("Content-Security-Policy");
      assertThat(csp).as(path + " CSP").isNotNull()
          .contains("script-src 'self'").contains("frame-ancestors 'none'")
          .contains("object-src 'none'").contains("base-uri 'none'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(response.getHeader("Strict-Transport-Security")).as(path + ": not over plain HTTP").isNull();
    }
  }

  /** The CSP allows no inline script or style: the page must have none, or it would break. */
  @Test
  void thePageHasNoInlineScriptOrStyleForTheCspToBlock() throws Exception {
    String page = http.get("/").bodyAsString();
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
        .doesNotContainPattern("(?i)\\sstyle\\s*=")
        .doesNotContainPattern("(?i)<style")
        .doesNotContainPattern("(?i)javascript:");
  }
}
