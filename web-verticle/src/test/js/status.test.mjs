import { test } from "node:test";
import assert from "node:assert/strict";
import { sourceCells } from "../../main/resources/webroot/sources.js";
import { topRows } from "../../main/resources/webroot/toplist.js";
import { formatBytes, formatRate } from "../../main/resources/webroot/format.js";

test("a source row says where, how fast and how far behind", () => {
  const cells = sourceCells({ id: "ng1", host: "us-ng1", path: "/var/log/a.log", state: "streaming",
    linesPerSecond: 1234.4, bytesBehind: 1536, lastError: null, ageMs: 500 });
  assert.deepEqual(cells, { source: "ng1", host: "us-ng1", path: "/var/log/a.log", state: "streaming",
    rate: "1,234", behind: "1.5 KiB", error: "" });
});

test("a source that streams again shows the error it recovered from, apart from a current one", () => {
  const recovered = sourceCells({ id: "r", state: "streaming", lastError: null,
    previousError: "no such file: /var/log/a.log", previousErrorAt: 1_764_064_800_000 });
  assert.match(recovered.error, /^recovered from \(\d\d:\d\d:\d\d\): no such file: \/var\/log\/a.log$/);
  const failing = sourceCells({ id: "f", state: "backing-off", lastError: "connection lost",
    previousError: "no such file: /var/log/a.log", previousErrorAt: 1 });
  assert.equal(failing.error, "connection lost");
});

test("a local source and one gone silent", () => {
  const cells = sourceCells({ id: "f", host: null, state: "streaming", linesPerSecond: null, ageMs: 60_000 });
  assert.equal(cells.host, "local");
  assert.equal(cells.state, "streaming (silent)");
  assert.equal(cells.rate, "–");
  assert.equal(cells.behind, "–");
});

test("top rows are sorted by value, largest first, empty ones last", () => {
  const rows = topRows({ "/b": 3, "/a": 10, "/c": null, "/d": 3 }, "%d");
  assert.deepEqual(rows.map((r) => r.name), ["/a", "/b", "/d", "/c"]);
  assert.deepEqual(rows.map((r) => r.text), ["10", "3", "3", "–"]);
});

test("a table lists the row of folded values last, with how many it holds", () => {
  const rows = topRows({ other: 900, "/a": 10, "/b": 3 }, "%d", { other: 2075 });
  assert.deepEqual(rows.map((r) => r.name), ["/a", "/b", "other"]);
  assert.deepEqual(rows.map((r) => r.folded), [null, null, 2075]);
});

test("bytes and rates read easily", () => {
  assert.equal(formatBytes(0), "0 B");
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(12 * 1024 * 1024), "12 MiB");
  assert.equal(formatRate(0), "0");
  assert.equal(formatRate(0.5), "0.5");
  assert.equal(formatRate(200), "200");
});
