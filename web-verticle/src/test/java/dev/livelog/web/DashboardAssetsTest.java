package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page and everything it loads come from the verticle itself: each script and stylesheet
 * index.html references, and each module those scripts import, answers 200.
 */
class DashboardAssetsTest extends HttpTest {
  private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
  private static final Pattern LINK = Pattern.compile("<link[^>]*\\shref=\"([^\"]+)\"");
  private static final Pattern IMPORT = Pattern.compile("\\bfrom\\s+\"(\\./[^\"]+)\"");
  private static final URI PAGE = URI.create("/");

  @Test
  void servesThePageWithItsStableHooks(VertxTestContext ctx) {
    get("/").onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.getHeader("Content-Type")).startsWith("text/html");
      assertThat(page.bodyAsString())
          .contains("<title>livelog</title>")
          .contains("id=\"connection\"");
      ctx.completeNow();
    })));
  }

  @Test
  void everyReferencedAssetLoads(VertxTestContext ctx) {
    get("/").onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      Set<String> assets = new LinkedHashSet<>();
      assets.addAll(references(SCRIPT, page.bodyAsString(), PAGE));
      assets.addAll(references(LINK, page.bodyAsString(), PAGE));
      assertThat(assets).anyMatch(a -> a.contains("/webjars/uplot/") && a.endsWith(".js"))
          .anyMatch(a -> a.contains("/webjars/uplot/") && a.endsWith(".css"))
          .anyMatch(a -> a.contains("/webjars/sockjs-client/"))
          .contains("/vendor/vertx-eventbus.js")
          .contains("/app.js", "/style.css");
      checkAll(new ArrayList<>(assets), new LinkedHashSet<>(), ctx);
    })));
  }

  // Fetches each asset once; a page module's own imports are queued as they are found.
  private void checkAll(List<String> queue, Set<String> seen, VertxTestContext ctx) {
    if (queue.isEmpty()) {
      ctx.verify(() -> assertThat(seen).contains("/chart.js", "/bridge.js", "/format.js"));
      ctx.completeNow();
      return;
    }
    String asset = queue.remove(0);
    if (!seen.add(asset)) {
      checkAll(queue, seen, ctx);
      return;
    }
    get(asset).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body().length()).as(asset).isPositive();
      if (asset.endsWith(".js")) {
        // Browsers refuse to run a module served with a non-JavaScript type.
        assertThat(response.getHeader("Content-Type")).as(asset).contains("javascript");
        if (!asset.startsWith("/webjars/")) {
          queue.addAll(references(IMPORT, response.bodyAsString(), URI.create(asset)));
        }
      }
      checkAll(queue, seen, ctx);
    })));
  }

  private static List<String> references(Pattern pattern, String text, URI base) {
    List<String> paths = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      paths.add(base.resolve(m.group(1)).getPath());
    }
    return paths;
  }
}
