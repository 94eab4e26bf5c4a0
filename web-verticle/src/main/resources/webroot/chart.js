// uPlot options and data for one panel. Chart types come from the group's `chart.type` (or
// its period's, as a default):
//   stacked  bars stacked to a total (shares such as cache statuses)
//   bar      plain bars
//   area     lines with a light fill
//   line     lines (the default, for averages and rates)
// uPlot has no stacking of its own: a stacked chart draws each series as a bar from 0 to the
// running total, tallest first, so each lower series paints over the bottom of the one
// above and the visible part of every bar is its own value.

import { formatValue } from "./format.js";

const HEIGHT = 200;
const TYPES = ["stacked", "bar", "area", "line"];

/** The group as one period shows it: the period's chart defaults under the group's own. */
export function forPeriod(group, period) {
  return { ...group, chart: { ...(period.chart || {}), ...(group.chart || {}) } };
}

export function chartType(group) {
  const type = group.chart?.type;
  return TYPES.includes(type) ? type : "line";
}

/** Series in drawing order: for a stack, the top of the stack first. */
export function drawingOrder(type, names) {
  return type === "stacked" ? [...names].reverse() : [...names];
}

/**
 * A panel's uPlot. `overlays` are dashed lines over the same times (baselines: `{label, color,
 * values}`), drawn after the chart's own series. `onPick({index, series})`: a click on a point
 * (the series under the pointer, of the chart's own); `onSpan({first, last})`: a drag across
 * points (their indexes), for the drill-down.
 */
export function createChart(container, { group, period, store, theme, colorOf, overlays = [], onCursor, onPick, onSpan }) {
  const type = chartType(group);
  const drawn = drawingOrder(type, store.names());
  const options = {
    width: Math.max(container.clientWidth, 200),
    height: number(group.chart?.height) ?? HEIGHT,
    legend: { show: false },
    cursor: cursor(type),
    scales: {
      x: { time: true, range: xRange(period, store) },
      y: { range: yRange(group.chart || {}) },
    },
    axes: [
      { ...axis(theme), space: 70, size: 36, values: timeTicks },
      { ...axis(theme), size: 60, values: (u, splits) => tickLabels(group.format, splits) },
    ],
    series: [{}, ...drawn.map((name) => series(type, name, colorOf(name), period)), ...overlays.map(dashed)],
    hooks: {
      setCursor: [(u) => onCursor(u.cursor.idx ?? null)],
      setSelect: [(u) => spanSelected(u, onSpan)],
    },
  };
  const chart = new uPlot(options, chartData(type, store, drawn, overlays), container);
  chart.over.addEventListener("click", () => pointClicked(chart, type, drawn, onPick));
  chart.over.title = "click a point, or drag across points, to list the events behind it";
  return chart;
}

// A baseline: a thin dashed line whatever the chart's type, across the gaps of a coarser period.
function dashed({ label, color }) {
  return { label, stroke: color, width: 1.25, dash: [6, 4], spanGaps: true, points: { show: false } };
}

// A drag wide enough to be meant selects the points under it; the selection is then cleared
// (the chart does not zoom: the drill-down lists the events instead).
function spanSelected(u, onSpan) {
  const { left, width } = u.select;
  if (width < 3 || !onSpan) return;
  const first = u.posToIdx(left);
  const last = u.posToIdx(left + width);
  u.over.dataset.dragged = "1"; // the click that ends the drag is not a click on a point
  u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
  if (first !== null && last !== null) onSpan({ first: Math.min(first, last), last: Math.max(first, last) });
}

function pointClicked(u, type, drawn, onPick) {
  if (u.over.dataset.dragged) {
    delete u.over.dataset.dragged;
    return;
  }
  const index = u.cursor.idx;
  if (index === null || index === undefined || !onPick) return;
  const values = drawn.map((name, i) => u.data[i + 1][index]);
  const at = pickSeries(values, u.posToVal(u.cursor.top, "y"), type === "stacked",
    (v) => u.valToPos(v, "y"), u.cursor.top);
  if (at !== null) onPick({ index, series: drawn[at] });
}

/**
 * Which drawn series a click at `y` (a value on the y scale) means: in a stack, the bar whose
 * segment holds it (the smallest running total at or above it, else the top one); otherwise
 * the series drawn nearest to the pointer (`pos` gives a value's pixel, `top` the pointer's).
 */
export function pickSeries(values, y, stacked, pos = (v) => v, top = y) {
  let best = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (stacked) {
      if (v >= y && (best === null || v < values[best])) best = i;
    } else if (best === null || Math.abs(pos(v) - top) < Math.abs(pos(values[best]) - top)) {
      best = i;
    }
  }
  if (best === null && stacked) {
    values.forEach((v, i) => {
      if (v !== null && v !== undefined && (best === null || v > values[best])) best = i;
    });
  }
  return best;
}

// Hover dots suit lines; on bars they would float at running totals. (uPlot takes `false`
// here, but `true` is not a valid value: leaving it out gives the default dots.)
function cursor(type) {
  const drag = { x: true, y: false, setScale: false };
  return type === "line" || type === "area" ? { drag } : { drag, points: { show: false } };
}

/**
 * uPlot's columns: seconds on x, then one column per drawn series. Copies, since uPlot keeps
 * what it is given and the store's own columns change in place.
 */
export function chartData(type, store, drawn, overlays = []) {
  const x = store.times.map((ms) => ms / 1000);
  const extra = overlays.map((o) => o.values);
  if (type !== "stacked") return [x, ...drawn.map((name) => [...store.column(name)]), ...extra];
  const totals = runningTotals(store);
  return [x, ...drawn.map((name) => totals.get(name)), ...extra];
}

// For each series, the sum of it and every series below it; a point with no value at all
// stays empty instead of drawing a zero-height bar.
function runningTotals(store) {
  const totals = new Map();
  const sum = new Array(store.length).fill(null);
  for (const name of store.names()) {
    store.column(name).forEach((value, i) => {
      if (value !== null) sum[i] = (sum[i] ?? 0) + value;
    });
    totals.set(name, [...sum]);
  }
  return totals;
}

function series(type, name, color, period) {
  const common = { label: name, stroke: color };
  // Bars need no dots; lines keep uPlot's default ones, drawn only while points are sparse,
  // so a lone point (a new chart, or one between gaps) is still visible.
  const bars = { ...common, points: { show: false } };
  if (type === "stacked") {
    return { ...bars, width: 0, fill: color, paths: barsOf(period, 0.85) };
  }
  if (type === "bar") {
    return { ...bars, width: 1, fill: `${color}99`, paths: barsOf(period, 0.7) };
  }
  if (type === "area") return { ...common, width: 1.5, fill: `${color}33` };
  return { ...common, width: 1.5 };
}

// Bars as wide as a share of the period's interval, centred on their time. uPlot would size
// them from the closest two points, so one stray point (or a lone first point) would make
// every bar a hairline (or a slab).
function barsOf(period, share) {
  const width = (period.interval_ms / 1000) * share;
  const scaleUnits = 1;
  return uPlot.paths.bars({
    size: [share, 64],
    disp: {
      x0: { unit: scaleUnits, values: (u) => u.data[0].map((x) => x - width / 2) },
      size: { unit: scaleUnits, values: () => [width] },
    },
  });
}

// A stored range (the zoom into the past) is shown whole. Live,
// the x axis always spans the period's whole history, ending at the newest point, so bars
// keep their width and the chart does not stretch while it fills up. The newest point comes
// from the store: with a single point uPlot proposes a day-long range ending a day later.
function xRange(period, store) {
  const step = period.interval_ms / 1000;
  if (period.range) return () => [period.range[0] / 1000 - step / 2, period.range[1] / 1000];
  return () => {
    const newest = store.timeAt();
    const last = newest === null ? Date.now() / 1000 : newest / 1000;
    return [last - (period.history - 0.5) * step, last + step / 2];
  };
}

function yRange(chart) {
  const fixedMin = number(chart.y_min);
  const fixedMax = number(chart.y_max);
  return (u, min, max) => {
    const low = fixedMin ?? Math.min(0, min ?? 0);
    const high = fixedMax ?? (max === null || max <= low ? low + 1 : uPlot.rangeNum(low, max, 0.1, true)[1]);
    return [low, high];
  };
}

function number(value) {
  const n = Number(value);
  return value === undefined || value === null || Number.isNaN(n) ? null : n;
}

function axis(theme) {
  return {
    stroke: theme.axis,
    font: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
  };
}

// One short 24-hour line per tick (uPlot's default adds a date line that crowds narrow
// columns); seconds only when the ticks fall between whole minutes, the day only when the
// axis spans more than one.
function timeTicks(u, splits) {
  const seconds = splits.some((s) => s % 60 !== 0);
  const days = splits.length > 1 && splits[splits.length - 1] - splits[0] > 86_400;
  const style = { hourCycle: "h23", hour: "2-digit", minute: "2-digit", ...(seconds && { second: "2-digit" }) };
  if (days) return splits.map((s) => new Date(s * 1000).toLocaleString([], { ...style, day: "numeric", month: "short" }));
  return splits.map((s) => new Date(s * 1000).toLocaleTimeString([], style));
}

// Tick labels use the group's format with just the decimals the ticks need (20%, not 20.0%).
function tickLabels(format, splits) {
  const decimals = Math.max(0, ...splits.map((v) => (String(Number(v.toFixed(6))).split(".")[1] || "").length));
  return splits.map((v) => formatValue(format, v, Math.min(decimals, 3)));
}
