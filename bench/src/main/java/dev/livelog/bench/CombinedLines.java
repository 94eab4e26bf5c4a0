package dev.livelog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic sample lines for benchmarks, in the shapes real logs have. */
public final class CombinedLines {
  private CombinedLines() {}

  /** {@code n} nginx combined lines with varied paths, statuses, sizes and agents. */
  public static List<String> combined(int n) {
    Random r = new Random(42);
    String[] paths = {"/", "/index.html", "/blog/post-1/", "/api/v1/items/42?x=1", "/static/app.js",
        "/img/logo.png", "/search?q=nginx+cache"};
    String[] agents = {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"};
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(String.format("10.%d.%d.%d - - [25/Nov/2025:10:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d %d \"-\" \"%s\"",
          r.nextInt(4), r.nextInt(256), r.nextInt(256), (i / 60) % 60, i % 60,
          paths[r.nextInt(paths.length)], r.nextDouble() < 0.9 ? 200 : 404, r.nextInt(50_000),
          agents[r.nextInt(agents.length)]));
    }
    return lines;
  }
}
