import { test } from "node:test";
import assert from "node:assert/strict";
import { SeriesStore } from "../../main/resources/webroot/series.js";

const point = (time, values, events = 1) => ({ time, values, events });

test("keeps points sorted by time and replaces a point seen twice", () => {
  const store = new SeriesStore(10);
  store.upsert(point(3000, { a: 3 }));
  store.upsert(point(1000, { a: 1 }));
  store.upsert(point(2000, { a: 2 }));
  store.upsert(point(2000, { a: 20 }));
  assert.deepEqual(store.times, [1000, 2000, 3000]);
  assert.deepEqual(store.column("a"), [1, 20, 3]);
});

test("reports and back-fills series that appear later", () => {
  const store = new SeriesStore(10, ["HIT"]);
  assert.equal(store.upsert(point(1000, { HIT: 50 })), false);
  assert.equal(store.upsert(point(2000, { HIT: 40, MISS: 60 })), true);
  assert.deepEqual(store.names(), ["HIT", "MISS"]);
  assert.deepEqual(store.column("MISS"), [null, 60]);
  assert.equal(store.valueAt("MISS"), 60);
  assert.equal(store.valueAt("HIT", 0), 50);
});

test("keeps at most capacity points, dropping the oldest", () => {
  const store = new SeriesStore(2);
  [1, 2, 3].forEach((t) => store.upsert(point(t * 1000, { a: t })));
  assert.deepEqual(store.times, [2000, 3000]);
  assert.deepEqual(store.column("a"), [2, 3]);
  assert.equal(store.eventsAt(), 1);
});

test("finds the newest point that counted events", () => {
  const store = new SeriesStore(10);
  assert.equal(store.lastWithEvents(), null);
  store.upsert(point(1000, { a: 1 }, 5));
  store.upsert(point(2000, { a: 2 }, 3));
  store.upsert(point(3000, {}, 0));
  store.upsert(point(4000, {}, null));
  assert.equal(store.lastWithEvents(), 1);
  assert.equal(store.timeAt(store.lastWithEvents()), 2000);
});
