// The points of one chart: a time column and one value column per series, kept sorted by
// time, at most `capacity` points long. History and live points go through the same
// `upsert`, so their order does not matter and a point seen twice is stored once; that is
// what lets the page refetch history after a reconnect without holes or duplicates.
// An analyzer whose `by` field has more values than its `max_series` folds the rest into an
// `other` series, and its points say how many values each such series folded (`folded`):
// those series are listed last, and a series no kept point has a value for is dropped, so
// the legend holds what the chart shows however many values come and go.

/**
 * How many values the series `name` folded at a point whose `folded` is given ({"other":
 * 2075}, {"rt other": 12} for series "rt other p50" ...), or null when it is no such series.
 */
export function foldedCount(name, folded) {
  if (!folded) return null;
  for (const [base, count] of Object.entries(folded)) {
    if (name === base || name.startsWith(`${base} `)) return count;
  }
  return null;
}

export class SeriesStore {
  constructor(capacity, knownNames = []) {
    this.capacity = Math.max(1, capacity);
    this.times = [];
    this.events = [];
    this.folded = [];
    this.columns = new Map();
    this.known = new Set(knownNames);
    this.others = new Set();
    knownNames.forEach((name) => this.#addColumn(name));
  }

  /**
   * Series names in order of first appearance (config-declared ones first), the series of
   * folded values (`other`) last.
   */
  names() {
    const names = [...this.columns.keys()];
    return [...names.filter((n) => !this.others.has(n)), ...names.filter((n) => this.others.has(n))];
  }

  /** Whether `name` is a series of folded values (an analyzer's `other`). */
  isFolded(name) {
    return this.others.has(name);
  }

  get length() {
    return this.times.length;
  }

  /** Adds or replaces the point at `point.time`; true when the series changed (new or gone). */
  upsert(point) {
    const values = point.values || {};
    const added = Object.keys(values).filter((name) => !this.columns.has(name));
    added.forEach((name) => this.#addColumn(name));
    Object.keys(values).filter((name) => foldedCount(name, point.folded) !== null)
      .forEach((name) => this.others.add(name));
    const at = this.#slotFor(point.time);
    for (const [name, column] of this.columns) {
      const value = values[name];
      column[at] = typeof value === "number" ? value : null;
    }
    this.events[at] = point.events ?? null;
    this.folded[at] = point.folded ?? null;
    const removed = this.#trim();
    return added.length > 0 || removed;
  }

  /** Values folded into series `name` at point `index` (the latest when null), or null. */
  foldedAt(name, index = null) {
    const i = index ?? this.times.length - 1;
    return i >= 0 ? foldedCount(name, this.folded[i]) : null;
  }

  /** Value of series `name` at point `index` (the latest point when index is null). */
  valueAt(name, index = null) {
    const i = index ?? this.times.length - 1;
    const column = this.columns.get(name);
    return column && i >= 0 ? column[i] ?? null : null;
  }

  eventsAt(index = null) {
    const i = index ?? this.times.length - 1;
    return i >= 0 ? this.events[i] ?? null : null;
  }

  /** Index of the newest point that counted any event, or null when none did. */
  lastWithEvents() {
    for (let i = this.times.length - 1; i >= 0; i--) {
      if (this.events[i] > 0) return i;
    }
    return null;
  }

  timeAt(index = null) {
    const i = index ?? this.times.length - 1;
    return i >= 0 ? this.times[i] : null;
  }

  column(name) {
    return this.columns.get(name) || [];
  }

  #addColumn(name) {
    this.columns.set(name, new Array(this.times.length).fill(null));
  }

  // Index of the point at `time`: the existing one, or a new empty slot in time order.
  #slotFor(time) {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.times[mid] < time) low = mid + 1;
      else high = mid;
    }
    if (this.times[low] !== time) {
      this.times.splice(low, 0, time);
      this.events.splice(low, 0, null);
      this.folded.splice(low, 0, null);
      for (const column of this.columns.values()) column.splice(low, 0, null);
    }
    return low;
  }

  // Drops the oldest points past capacity, then the series none of the rest has a value
  // for (config-declared ones stay); true when a series went.
  #trim() {
    const excess = this.times.length - this.capacity;
    if (excess <= 0) return false;
    this.times.splice(0, excess);
    this.events.splice(0, excess);
    this.folded.splice(0, excess);
    let removed = false;
    for (const [name, column] of this.columns) {
      column.splice(0, excess);
      if (!this.known.has(name) && column.every((value) => value === null)) {
        this.columns.delete(name);
        this.others.delete(name);
        removed = true;
      }
    }
    return removed;
  }
}
