# Writes N lines of nginx "combined" access log, deterministic (srand(42)), one second apart
# per 50 lines: realistic mix of paths, statuses, sizes, referers and user agents.
# usage: awk -v n=1000000 -f gen-combined.awk > access.log
BEGIN {
  srand(42)
  split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
  np = split("/ /index.html /about/ /blog/ /blog/post-1/ /blog/post-2/ /api/v1/items /api/v1/items/42 /static/app.js /static/app.css /img/logo.png /search /login /cart /checkout", paths, " ")
  nu = split("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36|Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148|curl/8.5.0|Googlebot/2.1 (+http://www.google.com/bot.html)", agents, "|")
  base = 1764028800  # 2025-11-25T00:00:00Z
  for (i = 0; i < n; i++) {
    t = base + int(i / 50)
    s = t % 60; m = int(t / 60) % 60; h = int(t / 3600) % 24
    r = rand()
    status = r < 0.85 ? 200 : r < 0.90 ? 304 : r < 0.97 ? 404 : 500
    path = paths[int(rand() * np) + 1]
    if (rand() < 0.2) path = path "?q=" int(rand() * 1000)
    method = rand() < 0.9 ? "GET" : "POST"
    bytes = status == 304 ? 0 : int(rand() * 50000)
    ref = rand() < 0.5 ? "-" : "https://www.example.com/"
    printf "10.%d.%d.%d - - [25/Nov/2025:%02d:%02d:%02d +0000] \"%s %s HTTP/1.1\" %d %d \"%s\" \"%s\"\n",
      int(rand() * 4), int(rand() * 256), int(rand() * 256), h, m, s, method, path, status, bytes, ref,
      agents[int(rand() * nu) + 1]
  }
}
