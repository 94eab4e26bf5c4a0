import { test } from "node:test";
import assert from "node:assert/strict";
import { SeriesStore, foldedCount } from "../../main/resources/webroot/series.js";

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

test("lists the series of folded values last, with how many values they hold", () => {
  const store = new SeriesStore(10);
  store.upsert({ time: 1000, values: { "/a": 5, other: 40, "/b": 3 }, events: 48, folded: { other: 12 } });
  store.upsert({ time: 2000, values: { "/a": 6, other: 30, "/c": 9 }, events: 45, folded: { other: 10 } });
  assert.deepEqual(store.names(), ["/a", "/b", "/c", "other"]);
  assert.equal(store.isFolded("other"), true);
  assert.equal(store.isFolded("/a"), false);
  assert.equal(store.foldedAt("other"), 10);
  assert.equal(store.foldedAt("other", 0), 12);
  assert.equal(store.foldedAt("/a"), null);
});

test("a metric's series of folded values are recognised by their base name", () => {
  assert.equal(foldedCount("rt other p50", { "rt other": 7 }), 7);
  assert.equal(foldedCount("rt other", { "rt other": 7 }), 7);
  assert.equal(foldedCount("rt otherwise p50", { "rt other": 7 }), null);
  assert.equal(foldedCount("other", undefined), null);
});

test("drops series no kept point has a value for, so the legend stays bounded", () => {
  const store = new SeriesStore(3, ["declared"]);
  for (let t = 1; t <= 10; t++) {
    assert.equal(store.upsert(point(t * 1000, { [`/path-${t}`]: t })), true);
  }
  assert.deepEqual(store.names(), ["declared", "/path-8", "/path-9", "/path-10"]);
  assert.deepEqual(store.column("declared"), [null, null, null]);
});
