import { test } from "node:test";
import assert from "node:assert/strict";
import { chartType, forPeriod } from "../../main/resources/webroot/chart.js";

test("a period's chart options are defaults that the group's own override", () => {
  const group = { name: "aurt", chart: { type: "line", y_max: 2 } };
  const period = { name: "5m", chart: { type: "bar", height: 300, y_max: 5 } };
  const shown = forPeriod(group, period);
  assert.deepEqual(shown.chart, { type: "line", height: 300, y_max: 2 });
  assert.equal(shown.name, "aurt");
  assert.deepEqual(group.chart, { type: "line", y_max: 2 }, "the group itself is not changed");
});

test("a group without a type takes its period's, and unknown types draw lines", () => {
  assert.equal(chartType(forPeriod({ chart: {} }, { chart: { type: "bar" } })), "bar");
  assert.equal(chartType(forPeriod({}, {})), "line");
  assert.equal(chartType({ chart: { type: "pie" } }), "line");
});
