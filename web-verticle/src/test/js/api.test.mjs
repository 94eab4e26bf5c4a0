import { test } from "node:test";
import assert from "node:assert/strict";
import { fetchJson, inTurns } from "../../main/resources/webroot/api.js";

test("work is done in turns, no more than asked at once, results in order", async () => {
  let running = 0;
  let most = 0;
  const results = await inTurns([1, 2, 3, 4, 5, 6], 2, async (n) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    return n * 10;
  });
  assert.deepEqual(results, [10, 20, 30, 40, 50, 60]);
  assert.equal(most, 2);
});

test("a 429 is asked again after Retry-After; other failures carry the server's reason", async () => {
  globalThis.document = { baseURI: "http://livelog.test/" };
  const answers = [
    new Response(JSON.stringify({ status: 429, error: "too many queries" }), { status: 429, headers: { "Retry-After": "0.01" } }),
    new Response(JSON.stringify({ datapoints: [] }), { status: 200 }),
    new Response(JSON.stringify({ status: 400, error: "'from' is before 1970" }), { status: 400 }),
  ];
  let asked = 0;
  globalThis.fetch = async () => answers[asked++];

  assert.deepEqual(await fetchJson("api/query?group=g&from=-1h"), { datapoints: [] });
  assert.equal(asked, 2);
  await assert.rejects(fetchJson("api/query?group=g&from=-1h"), /before 1970/);
});
