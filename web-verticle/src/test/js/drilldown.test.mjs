import { test } from "node:test";
import assert from "node:assert/strict";
import { absentNote, columnsOf, eventsPath, pendingState, pointWindow, refusedSummary, stateOf, withState } from "../../main/resources/webroot/drilldown.js";
import { pickSeries } from "../../main/resources/webroot/chart.js";

test("a point stands for the window that ends at it: the period's window, or a stored step", () => {
  assert.deepEqual(pointWindow(60_000, { window_ms: 6_000, interval_ms: 1_000 }), { from: 54_000, to: 60_000 });
  assert.deepEqual(pointWindow(60_000, { interval_ms: 10_000 }), { from: 50_000, to: 60_000 });
  assert.equal(pointWindow(null, { interval_ms: 1 }), null);
});

test("the state goes into the URL beside other parameters and comes back the same", () => {
  const state = { group: "cache0", series: "MISS", split: null, from: 1000, to: 7000, where: "status >= 500 and path ~ ^/api" };
  const params = withState(new URLSearchParams("tail=x&from=5"), state);
  assert.equal(params.get("tail"), "x");
  assert.equal(params.get("from"), "5", "the alert link's own range is left alone");
  assert.deepEqual(stateOf(new URLSearchParams(params.toString())), state);
  assert.equal(stateOf(withState(params, null)), null);
  assert.equal(withState(params, null).get("tail"), "x");
  assert.deepEqual(stateOf(withState(new URLSearchParams(), { group: "g", from: 1, to: 2 })),
    { group: "g", series: null, split: null, from: 1, to: 2, where: "" });
});

test("the API address carries what is set, and the cursor of the page", () => {
  const path = eventsPath({ group: "a b", series: "5xx", split: "host", from: 1, to: 2, where: "" }, "CUR", 10);
  const query = new URLSearchParams(path.slice(path.indexOf("?") + 1));
  assert.ok(path.startsWith("api/events?"));
  assert.deepEqual(Object.fromEntries(query), { group: "a b", from: "1", to: "2", limit: "10", series: "5xx", split: "host", after: "CUR" });
});

test("columns are every field of the page, in the order they first appear", () => {
  assert.deepEqual(columnsOf([{ fields: { status: 200, path: "/" } }, { fields: { path: "/x", ua: "curl" } }, {}]),
    ["status", "path", "ua"]);
});

test("a click picks the series drawn nearest, or in a stack the bar segment under it", () => {
  assert.equal(pickSeries([10, 50, null], 45, false), 1);
  assert.equal(pickSeries([10, 50, null], 12, false), 0);
  // A stack's drawn values are running totals, top first: 100 (HIT on top), 40, 10.
  assert.equal(pickSeries([100, 40, 10], 5, true), 2);
  assert.equal(pickSeries([100, 40, 10], 39, true), 1);
  assert.equal(pickSeries([100, 40, 10], 70, true), 0);
  assert.equal(pickSeries([100, 40, 10], 120, true), 0, "above the stack: its top");
  assert.equal(pickSeries([null, null], 1, false), null);
});

test("until its page is answered, the URL keeps the filter it had: a refused one never gets there", () => {
  const state = { group: "rps", series: "requests", split: null, from: 1, to: 2, where: "status >=" };
  assert.equal(pendingState(state, new URLSearchParams("drill=rps&drill.where=status%3A+MISS")).where, "status: MISS");
  assert.equal(pendingState(state, new URLSearchParams("drill=rps")).where, "");
  assert.equal(pendingState(state, new URLSearchParams()).group, "rps", "the rest of the state goes in at once");
});

test("a refused page says there is no list, and whether the filter is why", () => {
  assert.match(refusedSummary("'where' expected a value after '>=' at 9"), /^No events listed: the filter is not valid/);
  assert.match(refusedSummary("the query took longer than 10s"), /^No events listed: the request failed/);
});

test("an empty answer names the filter's fields no event there has, with the fields one has", () => {
  const answer = { total: 0, absent_fields: ["cache", "stauts"], present_fields: ["status", "http_status"] };
  assert.equal(absentNote(answer, { series: "requests" }),
    " — no event of this series here has a field 'cache' or 'stauts' (an event's fields: status, http_status)");
  assert.equal(absentNote({ ...answer, present_fields: [] }, { series: null }),
    " — no event of this group here has a field 'cache' or 'stauts'");
  assert.equal(absentNote({ total: 0, absent_fields: [], present_fields: [] }, {}), "");
  assert.equal(absentNote({ total: 3 }, {}), "", "an answer from an older server says nothing");
});
