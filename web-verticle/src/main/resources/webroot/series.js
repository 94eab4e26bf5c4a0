// The points of one chart: a time column and one value column per series, kept sorted by
// time, at most `capacity` points long. History and live points go through the same
// `upsert`, so their order does not matter and a point seen twice is stored once; that is
// what lets the page refetch history after a reconnect without holes or duplicates.

export class SeriesStore {
  constructor(capacity, knownNames = []) {
    this.capacity = Math.max(1, capacity);
    this.times = [];
    this.events = [];
    this.columns = new Map();
    knownNames.forEach((name) => this.#addColumn(name));
  }

  /** Series names in order of first appearance (config-declared ones first). */
  names() {
    return [...this.columns.keys()];
  }

  get length() {
    return this.times.length;
  }

  /** Adds or replaces the point at `point.time`; true when it brought a new series. */
  upsert(point) {
    const values = point.values || {};
    const added = Object.keys(values).filter((name) => !this.columns.has(name));
    added.forEach((name) => this.#addColumn(name));
    const at = this.#slotFor(point.time);
    for (const [name, column] of this.columns) {
      const value = values[name];
      column[at] = typeof value === "number" ? value : null;
    }
    this.events[at] = point.events ?? null;
    this.#trim();
    return added.length > 0;
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
      for (const column of this.columns.values()) column.splice(low, 0, null);
    }
    return low;
  }

  #trim() {
    const excess = this.times.length - this.capacity;
    if (excess <= 0) return;
    this.times.splice(0, excess);
    this.events.splice(0, excess);
    for (const column of this.columns.values()) column.splice(0, excess);
  }
}
