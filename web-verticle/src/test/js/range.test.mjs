import { test } from "node:test";
import assert from "node:assert/strict";
import { stepFor, rangeOf, queryPath } from "../../main/resources/webroot/range.js";

test("steps are round and give at most about 240 points", () => {
  assert.equal(stepFor(60_000), 1_000);
  assert.equal(stepFor(3_600_000), 15_000);
  assert.equal(stepFor(24 * 3_600_000), 600_000);
  assert.equal(stepFor(7 * 24 * 3_600_000), 3_600_000);
  assert.equal(stepFor(400 * 24 * 3_600_000), 2 * 86_400_000);
});

test("a preset ends now", () => {
  const now = 1_764_064_800_000;
  assert.deepEqual(rangeOf({ value: "1h" }, now), { from: now - 3_600_000, to: now, step: 15_000 });
});

test("a custom range must run forwards", () => {
  assert.deepEqual(rangeOf({ value: "custom", from: 0, to: 60_000 }), { from: 0, to: 60_000, step: 1_000 });
  assert.throws(() => rangeOf({ value: "custom", from: 60_000, to: 0 }), /before its end/);
  assert.throws(() => rangeOf({ value: "custom", from: NaN, to: 0 }), /before its end/);
});

test("the query path carries epoch ms and a step in seconds", () => {
  assert.equal(queryPath("cache 0", { from: 1, to: 2, step: 15_000 }),
    "api/query?group=cache+0&from=1&to=2&step=15s");
  assert.equal(queryPath("cache0", { from: 1, to: 2, step: 1_000 }, "$host"),
    "api/query?group=cache0&from=1&to=2&step=1s&split=%24host");
});

test("a datetime-local value reads back as the same instant", async () => {
  const { localInputValue } = await import("../../main/resources/webroot/range.js");
  const ms = 1_764_064_805_000;
  assert.equal(new Date(localInputValue(ms)).getTime(), ms);
});
