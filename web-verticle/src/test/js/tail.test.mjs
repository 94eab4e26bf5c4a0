import { test } from "node:test";
import assert from "node:assert/strict";
import { linesPerSecond } from "../../main/resources/webroot/tail.js";

test("a rate says line for one and lines for any other number", () => {
  assert.equal(linesPerSecond(1), "1 line/s");
  assert.equal(linesPerSecond(0), "0 lines/s");
  assert.equal(linesPerSecond(20), "20 lines/s");
});
