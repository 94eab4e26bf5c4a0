import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BaselinePoints, baselineColumns, comparedIn, formatChange, percentChange, withCompared,
} from "../../main/resources/webroot/baseline.js";

test("the change is in percent of the baseline, and none without one", () => {
  assert.equal(percentChange(150, 100), 50);
  assert.equal(percentChange(75, 100), -25);
  assert.equal(percentChange(-5, -10), 50);
  assert.equal(percentChange(10, 0), null);
  assert.equal(percentChange(null, 10), null);
  assert.equal(percentChange(10, null), null);
  assert.equal(formatChange(12.345), "+12.3%");
  assert.equal(formatChange(-3), "−3.0%");
  assert.equal(formatChange(0.01), "±0.0%");
  assert.equal(formatChange(null), "–");
});

test("a baseline's value is the point whose interval covers the moment", () => {
  const minutes = new BaselinePoints([
    { time: 120_000, values: { a: 2 } },
    { time: 60_000, values: { a: 1, b: 5 } },
  ], 60_000);
  assert.equal(minutes.valueAt("a", 60_000), 1);
  assert.equal(minutes.valueAt("a", 65_000), 2);
  assert.equal(minutes.valueAt("a", 5_000), 1);
  assert.equal(minutes.valueAt("a", 121_000), null);
  assert.equal(minutes.valueAt("b", 90_000), null);
  assert.equal(new BaselinePoints().valueAt("a", 0), null);
});

test("stacked baselines follow the top of each band", () => {
  const points = new BaselinePoints([{ time: 1_000, values: { HIT: 60, MISS: 30 } }], 1_000);
  const stacked = baselineColumns(true, points, ["HIT", "MISS"], [1_000, 2_000]);
  assert.deepEqual(stacked.get("HIT"), [60, null]);
  assert.deepEqual(stacked.get("MISS"), [90, null]);
  assert.deepEqual(baselineColumns(false, points, ["HIT", "MISS"], [1_000]).get("MISS"), [30]);
});

test("the address keeps each panel's overlays", () => {
  const href = withCompared("http://h/?group=g&compare=5s%3Aaurt%3A1d", "5m", "aurt", ["1d", "7d"]);
  const search = new URL(href).search;
  assert.deepEqual(comparedIn(search, "5s", "aurt"), ["1d"]);
  assert.deepEqual(comparedIn(search, "5m", "aurt"), ["1d", "7d"]);
  assert.deepEqual(comparedIn(search, "5m", "other"), []);
  assert.equal(new URL(href).searchParams.get("group"), "g");
  assert.deepEqual(comparedIn(new URL(withCompared(href, "5s", "aurt", [])).search, "5s", "aurt"), []);
});
