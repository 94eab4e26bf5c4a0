// One plot group at one period: a heading, a chart and a legend with each series' value.
// The legend shows the newest point (in a stored range, the newest that counted events), or
// the point under the cursor while one hovers (with a tooltip by the cursor).
// Stable hooks for browser tests: the panel's data-group and data-period, its data-points,
// data-first and data-last (epoch ms: a chart without holes has one point per interval), and
// each legend item's data-series (and data-folded: how many values a series of folded values,
// an analyzer's `other`, holds at the point shown, and data-change-1d / data-change-7d: the
// change in percent from the baseline a day or a week earlier, when that overlay is on). A
// click on a point (or on a legend item: its series at the point shown) or a drag across points
// asks for the events behind them with a bubbling `drill` event that the drill-down panel
// answers (drilldown.js).

import { OFFSETS, PanelBaselines, baselineColumns, formatChange, percentChange } from "./baseline.js";
import { SeriesStore } from "./series.js";
import { createChart, chartData, chartType, drawingOrder } from "./chart.js";
import { formatValue } from "./format.js";
import { Tooltip } from "./tooltip.js";
import { pointWindow } from "./drilldown.js";

/** The article of every panel: its heading (title, newest time, events) over `body`. */
export function panelElement(group, period, className, body) {
  const element = document.createElement("article");
  element.className = className;
  element.dataset.group = group.name;
  element.dataset.period = period.name;
  element.innerHTML = `
      <header class="panel-head">
        <h3 class="panel-title"></h3>
        <span class="panel-meta"><time class="panel-time"></time> <span class="panel-events"></span></span>
      </header>
      ${body}
      <p class="panel-figures" hidden></p>`;
  element.querySelector(".panel-title").textContent = group.label;
  return element;
}

export class Panel {
  #chart = null;
  #tooltip = null;
  #cursor = null;
  #legend;
  #baselineNote;
  #chartBox;
  #events;
  #time;
  /** The panel's SplitControl, when it can be split (dashboard.js gives it one). */
  split = null;

  /**
   * `baselines`: whether the panel offers the −1d and −1w overlays. A chart split by a field
   * does not: datapoints are stored as the group is configured, so there is no split series a
   * day earlier to draw (and the address's overlays of the group are not its own).
   */
  constructor(group, period, theme, { baselines = true } = {}) {
    this.group = group;
    this.period = period;
    this.theme = theme;
    this.store = new SeriesStore(period.history, group.series || []);
    this.baselines = new PanelBaselines(period, group, () => this.render(true), baselines ? location.search : "");
    this.element = this.#build(baselines);
    new ResizeObserver(() => this.#resize()).observe(this.#chartBox);
  }

  /** The panel is in the page: the split its address names, if any, takes its place. */
  placed() {
    this.split?.restore();
  }

  /** Adds points (history or live, in any order); a point seen before is replaced. */
  add(...points) {
    let newSeries = false;
    for (const point of points) newSeries = this.store.upsert(point) || newSeries;
    this.render(newSeries);
    this.baselines.refresh(this.#shownRange());
  }

  /** The times the chart shows, for its baselines: the stored range, or the live history. */
  #shownRange() {
    if (this.period.range) return { from: this.period.range[0], to: this.period.range[1] };
    const newest = this.store.timeAt();
    if (newest === null) return null;
    return { from: newest - this.period.interval_ms * this.period.history, to: newest + 1 };
  }

  /** The dashed series of the baselines on: each drawn series a day (a week) earlier. */
  #overlays() {
    const type = chartType(this.group);
    const drawn = drawingOrder(type, this.store.names());
    return this.baselines.shown().flatMap((offset) => {
      const columns = baselineColumns(type === "stacked", this.baselines.points(offset.key),
        this.store.names(), this.store.times);
      return drawn.map((name) => ({
        label: `${name} ${offset.label}`, offset: offset.key, color: this.#colorOf(name), values: columns.get(name),
      }));
    });
  }

  setTheme(theme) {
    this.theme = theme;
    this.render(true);
    this.split?.setTheme(theme);
  }

  render(rebuild = false) {
    const type = chartType(this.group);
    const overlays = this.#overlays();
    if (rebuild || !this.#chart) {
      this.#rebuild(overlays);
    } else {
      this.#chart.setData(chartData(type, this.store, drawingOrder(type, this.store.names()), overlays));
    }
    this.#markBaselines(overlays);
    this.#showValues();
  }

  // Hooks for browser tests: per baseline on, how many of the chart's points it draws a value
  // at (data-baseline-1d) and the dash of its lines as uPlot holds it (data-baseline-dash-1d).
  #markBaselines(overlays) {
    for (const offset of OFFSETS) {
      const first = overlays.findIndex((o) => o.offset === offset.key);
      if (first < 0) {
        this.element.removeAttribute(`data-baseline-${offset.key}`);
        this.element.removeAttribute(`data-baseline-dash-${offset.key}`);
        continue;
      }
      const mine = overlays.filter((o) => o.offset === offset.key);
      const drawn = this.store.times.filter((_, i) => mine.some((o) => o.values[i] !== null)).length;
      const series = this.#chart.series[this.#chart.series.length - overlays.length + first];
      this.element.setAttribute(`data-baseline-${offset.key}`, drawn);
      this.element.setAttribute(`data-baseline-dash-${offset.key}`, (series.dash || []).join(","));
    }
  }

  // A new series changes uPlot's series list: simplest and rare enough to redraw from scratch.
  #rebuild(overlays) {
    this.#chart?.destroy();
    this.#chartBox.replaceChildren();
    this.#chart = createChart(this.#chartBox, {
      group: this.group,
      period: this.period,
      store: this.store,
      theme: this.theme,
      colorOf: (name) => this.#colorOf(name),
      overlays,
      onCursor: (index) => {
        this.#cursor = index;
        this.#showValues();
      },
      onPick: ({ index, series }) => this.#drill(series, index, index),
      onSpan: ({ first, last }) => this.#drill(null, first, last),
    });
    this.#tooltip = new Tooltip(this.#chart);
    this.#buildLegend();
  }

  // Asks the page to list the events behind points first..last: a "drill" event, bubbling, with
  // the group, the series (null: every event of the group), the field the chart is split by
  // (split.js marks a split panel with it) and the points' windows as one range.
  #drill(series, first, last) {
    const window = pointWindow(this.store.timeAt(first), this.period);
    const to = this.store.timeAt(last);
    if (window === null || to === null) return;
    this.element.dispatchEvent(new CustomEvent("drill", {
      bubbles: true,
      detail: { group: this.group.name, series, split: this.element.dataset.split || null, from: window.from, to },
    }));
  }

  #colorOf(name) {
    const configured = this.group.chart?.colors?.[name];
    if (configured) return configured;
    if (this.store.isFolded(name) && this.theme.other) return this.theme.other;
    const palette = this.theme.palette;
    return palette[this.store.names().indexOf(name) % palette.length];
  }

  #build(baselines) {
    const element = panelElement(this.group, this.period, "panel",
      `<div class="panel-chart"></div>
      <ul class="legend"></ul>
      <p class="baseline-note" hidden></p>`);
    if (baselines) element.querySelector(".panel-head").append(this.#baselineToggles());
    this.#chartBox = element.querySelector(".panel-chart");
    this.#legend = element.querySelector(".legend");
    this.#baselineNote = element.querySelector(".baseline-note");
    this.#events = element.querySelector(".panel-events");
    this.#time = element.querySelector(".panel-time");
    return element;
  }

  // "−1d" and "−1w" buttons that turn the dashed baselines on and off.
  #baselineToggles() {
    const box = document.createElement("span");
    box.className = "baseline-toggles";
    for (const offset of OFFSETS) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "baseline-toggle";
      button.dataset.offset = offset.key;
      button.textContent = offset.label;
      button.title = `Show ${offset.title}, dashed, and the change in the legend`;
      button.setAttribute("aria-pressed", String(this.baselines.isOn(offset.key)));
      button.addEventListener("click", () => {
        this.baselines.toggle(offset.key, this.#shownRange());
        button.setAttribute("aria-pressed", String(this.baselines.isOn(offset.key)));
      });
      box.append(button);
    }
    return box;
  }

  #buildLegend() {
    this.#legend.replaceChildren(
      ...this.store.names().map((name) => {
        const item = document.createElement("li");
        item.dataset.series = name;
        item.innerHTML = `<span class="swatch"></span><span class="series-name"></span><span class="series-folded"></span><span class="series-value"></span>`;
        item.querySelector(".swatch").style.background = this.#colorOf(name);
        item.querySelector(".series-name").textContent = name;
        for (const offset of this.baselines.shown()) {
          const change = document.createElement("span");
          change.className = "series-change";
          change.dataset.offset = offset.key;
          item.append(change);
        }
        item.title = "list the events behind this series at the point shown";
        item.addEventListener("click", () => {
          const index = this.#cursor ?? (this.period.range ? this.store.lastWithEvents() : this.store.length - 1);
          if (index !== null && index >= 0) this.#drill(name, index, index);
        });
        return item;
      }),
    );
    const note = this.baselines.note();
    this.#baselineNote.hidden = !note;
    this.#baselineNote.textContent = note ?? "";
  }

  #showValues() {
    const index = this.#cursor ?? (this.period.range ? this.store.lastWithEvents() : null);
    this.element.dataset.points = this.store.length;
    this.element.dataset.first = this.store.timeAt(0) ?? "";
    this.element.dataset.last = this.store.timeAt() ?? "";
    for (const item of this.#legend.children) {
      const value = this.store.valueAt(item.dataset.series, index);
      item.querySelector(".series-value").textContent = formatValue(this.group.format, value);
      showFolded(item, this.store.foldedAt(item.dataset.series, index));
      this.#showChanges(item, value, this.store.timeAt(index));
    }
    this.#showTooltip(this.#cursor);
    const events = this.store.eventsAt(index);
    this.#events.textContent = events === null ? "" : `${events.toLocaleString()} events`;
    const time = this.store.timeAt(index);
    this.#time.textContent = time === null ? "" : new Date(time).toLocaleTimeString([], { hourCycle: "h23" });
    this.#time.dateTime = time === null ? "" : new Date(time).toISOString();
  }

  // Each baseline's change in percent from its value at the same moment to the value shown.
  #showChanges(item, value, time) {
    for (const label of item.querySelectorAll(".series-change")) {
      const offset = OFFSETS.find((o) => o.key === label.dataset.offset);
      const base = this.baselines.points(offset.key).valueAt(item.dataset.series, time);
      const change = percentChange(value, base);
      label.textContent = `${formatChange(change)} ${offset.label}`;
      label.title = `${offset.title}: ${formatValue(this.group.format, base)}`;
      if (change === null) item.removeAttribute(`data-change-${offset.key}`);
      else item.setAttribute(`data-change-${offset.key}`, change.toFixed(1));
    }
  }

  #showTooltip(index) {
    if (!this.#tooltip) return;
    if (index === null) {
      this.#tooltip.hide();
      return;
    }
    const time = index === null ? null : this.store.timeAt(index);
    const title = time === null ? "" : new Date(time).toLocaleString([], { hourCycle: "h23" });
    const rows = this.store.names().map((name) => ({
      name: withFolded(name, this.store.foldedAt(name, index)),
      color: this.#colorOf(name),
      text: formatValue(this.group.format, this.store.valueAt(name, index)),
    }));
    this.#tooltip.show(this.#chart, index, title, rows);
  }

  #resize() {
    const width = this.#chartBox.clientWidth;
    if (this.#chart && width > 0 && width !== this.#chart.width) {
      this.#chart.setSize({ width, height: this.#chart.height });
    }
  }
}

/** "2,075 values" for a series of folded values, or "" for any other. */
export function foldedText(count) {
  if (count === null || count === undefined) return "";
  return `${count.toLocaleString()} ${count === 1 ? "value" : "values"}`;
}

/** A series' name with, for one of folded values, how many it holds: "other (2,075 values)". */
export function withFolded(name, count) {
  const text = foldedText(count);
  return text ? `${name} (${text})` : name;
}

/** Shows on a legend item or table row how many values its series folded (none: hidden). */
export function showFolded(element, count) {
  const text = foldedText(count);
  const label = element.querySelector(".series-folded");
  label.textContent = text ? `(${text})` : "";
  label.title = text ? `${text} past the analyzer's max_series, folded into this series` : "";
  if (text) element.dataset.folded = count;
  else delete element.dataset.folded;
}
