// Baselines: a chart's series as they were a day or a week earlier, read from the datapoints
// the analyzer stored (GET /api/baseline), drawn dashed under the chart's own points, and the
// change from them in percent in the legend. Which panels compare with what is kept in the
// page's address (?compare=<period>:<group>:1d), so a shared link shows the same overlays.
// The analyzer answers from the chart's own period while it keeps that far back, else from a
// coarser one (a 5 s chart a week earlier is drawn from 1-minute or 5-minute points): a value
// a day earlier is the stored point whose interval covers that moment.

import { panelValues, withPanelValues } from "./address.js";
import { fetchJson } from "./api.js";

export const OFFSETS = [
  { key: "1d", label: "−1d", ms: 86_400_000, title: "the same series a day earlier", ago: "a day earlier" },
  { key: "7d", label: "−1w", ms: 7 * 86_400_000, title: "the same series a week earlier", ago: "a week earlier" },
];

const PARAM = "compare";
/** How far past its newest point a live chart asks for its baselines: one request this often. */
const AHEAD_MS = 10_000;

/** The offsets the page's address turns on for a panel. */
export function comparedIn(search, period, group) {
  const keys = panelValues(search, PARAM, period, group);
  return OFFSETS.filter((o) => keys.includes(o.key)).map((o) => o.key);
}

/** The address with a panel's offsets set to `keys` (the other panels' left as they are). */
export function withCompared(href, period, group, keys) {
  return withPanelValues(href, PARAM, period, group, keys);
}

/** The change from `base` to `current` in percent, or null when either is missing or base is 0. */
export function percentChange(current, base) {
  if (typeof current !== "number" || typeof base !== "number" || base === 0) return null;
  return ((current - base) / Math.abs(base)) * 100;
}

/** "+12.5%", "−3.0%", "±0.0%" (one decimal), or "–" without a change. */
export function formatChange(change) {
  if (change === null) return "–";
  const text = Math.abs(change).toFixed(1);
  if (Number(text) === 0) return "±0.0%";
  return `${change > 0 ? "+" : "−"}${text}%`;
}

/**
 * The points a baseline read (times already moved forward to the chart's), and the value of a
 * series at a chart time: the first point at or after it within one of its intervals (a
 * datapoint counts the interval that ends at its time).
 */
export class BaselinePoints {
  constructor(points = [], intervalMs = 0) {
    this.points = [...points].sort((a, b) => a.time - b.time);
    this.intervalMs = intervalMs;
  }

  valueAt(name, time) {
    if (time === null || time === undefined) return null;
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.points[mid].time < time) low = mid + 1;
      else high = mid;
    }
    const point = this.points[low];
    if (!point || point.time - time >= Math.max(this.intervalMs, 1)) return null;
    const value = point.values?.[name];
    return typeof value === "number" ? value : null;
  }
}

/**
 * One panel's baselines: which offsets are on, their points, and fetching them for the
 * range the chart shows. `onChange` runs when offsets are turned on or off or points arrive.
 */
export class PanelBaselines {
  #points = new Map();
  #fetched = new Map();
  // Per offset, why it draws nothing: its last request failed, or its answer held no datapoint.
  // Kept per offset, so one offset's answer never hides what another's note says.
  #notes = new Map();

  constructor(period, group, onChange, search = location.search) {
    this.period = period;
    this.group = group;
    this.onChange = onChange;
    this.on = comparedIn(search, period.name, group.name);
  }

  isOn(key) {
    return this.on.includes(key);
  }

  /** The offsets on, in display order. */
  shown() {
    return OFFSETS.filter((o) => this.isOn(o.key));
  }

  toggle(key, range) {
    this.on = this.isOn(key) ? this.on.filter((k) => k !== key) : [...this.on, key];
    if (!this.isOn(key)) {
      this.#points.delete(key);
      this.#fetched.delete(key);
      this.#notes.delete(key);
    }
    history.replaceState(history.state, "", withCompared(location.href, this.period.name, this.group.name, this.on));
    this.onChange();
    this.refresh(range, true);
  }

  points(key) {
    return this.#points.get(key) ?? new BaselinePoints();
  }

  /**
   * What the panel says under its chart about the overlays on that draw nothing: an error, or
   * that nothing was stored then under the range shown (a toggle that draws nothing and a
   * legend of "–" would otherwise look broken: livelog was not running then, or keeps fewer
   * days); null: nothing to say.
   */
  note() {
    const notes = this.shown().map((o) => this.#notes.get(o.key)).filter(Boolean);
    return notes.length ? notes.join("; ") : null;
  }

  /**
   * Asks for the baselines under the range `{from, to}` (epoch ms) the chart shows, when they
   * are not fetched that far yet (or at once when `now`). A live chart asks for AHEAD_MS more
   * than it shows (yesterday's points ahead of now exist), so it asks again only when its
   * newest point nears the end of what it has.
   */
  refresh(range, now = false) {
    if (!range) return;
    for (const offset of this.shown()) {
      const covered = this.#fetched.get(offset.key);
      if (now || covered === undefined || range.to > covered - this.period.interval_ms) {
        const wanted = { from: range.from, to: this.period.range ? range.to : range.to + AHEAD_MS };
        this.#fetched.set(offset.key, wanted.to);
        this.#load(offset, wanted);
      }
    }
  }

  async #load(offset, range) {
    const params = new URLSearchParams({
      group: this.group.name,
      offset: offset.key,
      from: String(Math.floor(range.from)),
      to: String(Math.ceil(range.to)),
      step: `${Math.max(1, Math.round(this.period.interval_ms / 1000))}s`,
    });
    try {
      const answer = await fetchJson(`api/baseline?${params}`);
      if (!this.isOn(offset.key)) return;
      const points = answer.datapoints || [];
      this.#points.set(offset.key, new BaselinePoints(points, answer.interval));
      if (points.length) this.#notes.delete(offset.key);
      else this.#notes.set(offset.key, `${offset.label}: no datapoints were stored ${offset.ago} over this range`);
    } catch (error) {
      if (!this.isOn(offset.key)) return;
      this.#notes.set(offset.key, `${offset.title}: ${error.message}`);
    }
    this.onChange();
  }
}

/**
 * A baseline's values at the chart's times, per series name: for a stacked chart the running
 * totals in stacking order (the dashed line follows the top of each band a day earlier).
 */
export function baselineColumns(stacked, points, names, times) {
  const columns = new Map();
  const sum = new Array(times.length).fill(null);
  for (const name of names) {
    const values = times.map((time) => points.valueAt(name, time));
    if (!stacked) {
      columns.set(name, values);
      continue;
    }
    values.forEach((value, i) => {
      if (value !== null) sum[i] = (sum[i] ?? 0) + value;
    });
    columns.set(name, [...sum]);
  }
  return columns;
}
