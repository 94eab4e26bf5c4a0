// Run with: node --test web-verticle/src/test/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatValue } from "../../main/resources/webroot/format.js";

test("percent with one decimal", () => assert.equal(formatValue("%.1f%%", 62.54), "62.5%"));
test("two decimals", () => assert.equal(formatValue("%.2f", 0.1), "0.10"));
test("integer with unit", () => assert.equal(formatValue("%d ms", 12.6), "13 ms"));
test("width, zero pad and sign", () => {
  assert.equal(formatValue("%06.1f", -3.14), "-003.1");
  assert.equal(formatValue("%+.0f", 3), "+3");
  assert.equal(formatValue("%-5d|", 7), "7    |");
});
test("missing values show a dash", () => {
  assert.equal(formatValue("%.1f%%", null), "–");
  assert.equal(formatValue("%.1f%%", undefined), "–");
});
test("precision override for axis ticks", () => assert.equal(formatValue("%.1f%%", 20, 0), "20%"));
test("a format without a conversion falls back to two decimals", () =>
  assert.equal(formatValue("ms", 1.5), "1.50"));

test("durations read like people say them", async () => {
  const { formatDuration } = await import("../../main/resources/webroot/format.js");
  assert.equal(formatDuration(5_000), "5 s");
  assert.equal(formatDuration(300_000), "5 min");
  assert.equal(formatDuration(144 * 5_000), "12 min");
  assert.equal(formatDuration(144 * 300_000), "12 h");
  assert.equal(formatDuration(250), "250 ms");
});
