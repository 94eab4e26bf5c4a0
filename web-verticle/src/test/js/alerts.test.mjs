import { test } from "node:test";
import assert from "node:assert/strict";
import { AlertList, alertCells, bannerText, windowHref } from "../../main/resources/webroot/alerts.js";

const NOW = 1_764_064_800_000;

function alert(fingerprint, state, extra = {}) {
  return { fingerprint, rule: "errors", state, labels: { series: "5xx", severity: "critical" },
    annotations: { summary: "7.3% of requests fail" }, valueText: "7.3", activeAt: NOW - 90_000,
    startsAt: NOW - 60_000, ...extra };
}

test("the list keeps the newest of each alert, firing first, and forgets one that went inactive", () => {
  const list = new AlertList();
  list.replace([alert("a", "resolved", { ageMs: 5_000 }), alert("b", "pending")], NOW);
  list.update(alert("c", "firing"), NOW + 1);
  list.update(alert("b", "inactive"), NOW + 2);
  list.update(alert("d", "firing"), NOW + 3);
  assert.deepEqual(list.sorted().map((a) => `${a.fingerprint}:${a.state}`), ["d:firing", "c:firing", "a:resolved"]);
  assert.equal(list.firing().length, 2);
  list.update({ state: "firing" });
  assert.equal(list.sorted().length, 3);
});

test("a row says what, how much, since when and why", () => {
  const cells = alertCells({ ...alert("a", "firing"), seenAt: NOW }, NOW);
  assert.deepEqual(cells, { state: "firing", alert: "errors", subject: "5xx", value: "7.3",
    since: "1 min ago", summary: "7.3% of requests fail" });
  assert.equal(alertCells({ ...alert("a", "pending"), seenAt: NOW - 30_000 }, NOW).state, "pending (no news)");
  assert.equal(alertCells({ ...alert("a", "pending"), seenAt: NOW }, NOW).since, "1.5 min ago");
  assert.equal(alertCells({ ...alert("a", "resolved"), endsAt: NOW - 500, seenAt: NOW - 60_000 }, NOW).since, "just now");
  const silent = alertCells({ fingerprint: "s", rule: "quiet", state: "firing", labels: { source: "web" },
    startsAt: NOW - 2_000, seenAt: NOW }, NOW);
  assert.equal(silent.subject, "source web");
  assert.equal(silent.summary, "");
});

test("the banner names the first few firing alerts", () => {
  assert.equal(bannerText([]), null);
  assert.equal(bannerText([alert("a", "firing")]), "1 alert firing: errors 5xx");
  const five = ["a", "b", "c", "d", "e"].map((f) => ({ ...alert(f, "firing"), rule: `r${f}` }));
  assert.equal(bannerText(five), "5 alerts firing: ra 5xx, rb 5xx, rc 5xx and 2 more");
});

test("an alert's link stays on this page's own address", () => {
  const href = windowHref({ url: "https://livelog.example.com/?group=status&from=1&to=2" },
    "http://127.0.0.1:8080/");
  assert.equal(href, "/?group=status&from=1&to=2");
  assert.equal(windowHref({ url: "https://livelog.example.com/#sources" }, "http://10.0.0.1:9000/live/"),
    "/live/#sources");
  assert.equal(windowHref({}, "http://127.0.0.1:8080/"), null);
});

import { figurePath, figureText } from "../../main/resources/webroot/figures.js";

const BUDGET = { title: "error budget left over 30d", series: "slo", span_ms: 30 * 86_400_000,
  offset: 100, scale: -100, format: "%.1f%%" };

test("an SLO's budget left is asked as one bucket over its period", () => {
  const path = figurePath("api", BUDGET, 1_000 + 30 * 86_400_000);
  const params = new URL(path, "http://x/").searchParams;
  assert.equal(params.get("group"), "api");
  assert.equal(params.get("from"), "1000");
  assert.equal(params.get("step"), "2592000s");
});

test("the budget left is 100 % less the burn over the period, and says when the store keeps less", () => {
  const month = { from: 0, to: 30 * 86_400_000, datapoints: [{ values: { slo: 0.127 } }] };
  assert.equal(figureText(BUDGET, month), "error budget left over 30d: 87.3%");
  const week = { from: 23 * 86_400_000, to: 30 * 86_400_000, datapoints: [{ values: { slo: 1.4 } }] };
  assert.equal(figureText(BUDGET, week), "error budget left over 30d: -40.0% (over the 7 d stored)");
  assert.equal(figureText(BUDGET, { from: 0, to: 30 * 86_400_000, datapoints: [{ values: { slo: null } }] }),
    "error budget left over 30d: –");
});
