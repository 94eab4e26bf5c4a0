import { test } from "node:test";
import assert from "node:assert/strict";
import { splitIn, withSplit } from "../../main/resources/webroot/split.js";

test("the address keeps each panel's split field, one per panel", () => {
  const href = withSplit("http://h/?compare=1s%3Arps%3A1d&split=5m%3Arps%3Ahost", "1s", "rps", "$host");
  const search = new URL(href).search;
  assert.equal(splitIn(search, "1s", "rps"), "$host");
  assert.equal(splitIn(search, "5m", "rps"), "host");
  assert.equal(splitIn(search, "1s", "other"), null);
  assert.equal(new URL(href).searchParams.get("compare"), "1s:rps:1d", "other parameters are kept");
  const again = withSplit(href, "1s", "rps", "source");
  assert.deepEqual(new URL(again).searchParams.getAll("split"), ["5m:rps:host", "1s:rps:source"],
    "a new field replaces the panel's");
  assert.equal(splitIn(new URL(withSplit(again, "1s", "rps", null)).search, "1s", "rps"), null);
});

test("a field with a colon is read whole", () => {
  assert.equal(splitIn(new URL(withSplit("http://h/", "5s", "g", "a:b")).search, "5s", "g"), "a:b");
});
