# Writes N lines of nginx "combined" access log with many distinct clients and paths, for
# memory tests of `livelog analyze`: a quarter of the lines come from a client seen once and
# another quarter ask for a path asked once (so about N/4 distinct of each), the rest spread
# over 1,000 clients and 200 paths with a skewed (Zipf-like) popularity, so the top lists have
# a clear order. Deterministic (srand(7)), 100 lines per second.
# usage: awk -v n=10000000 -f gen-high-cardinality.awk > access.log
BEGIN {
  srand(7)
  base = 1764028800  # 2025-11-25T00:00:00Z
  for (i = 0; i < n; i++) {
    t = base + int(i / 100)
    s = t % 60; m = int(t / 60) % 60; h = int(t / 3600) % 24; d = 25 + int((t - base) / 86400)
    if (rand() < 0.25) {
      client = sprintf("172.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
    } else {
      r = int(1000 / (1 + rand() * 999))
      client = sprintf("10.0.%d.%d", int(r / 256), r % 256)
    }
    path = rand() < 0.25 ? "/item/" i : "/page/" int(200 / (1 + rand() * 199))
    status = rand() < 0.9 ? 200 : 404
    printf "%s - - [%02d/Nov/2025:%02d:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d %d \"-\" \"bench\"\n",
      client, d, h, m, s, path, status, 100 + int(rand() * 9000)
  }
}
