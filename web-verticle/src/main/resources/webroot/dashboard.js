// The page body: a column per period, a panel per plot group in each. Datapoints are routed
// to their panel by period and group. Columns follow the config order (the fastest period
// first on a phone); on a wide screen the longest period sits on the left, as in the seed.

import { fetchJson } from "./api.js";
import { formatDuration } from "./format.js";
import { forPeriod } from "./chart.js";
import { Panel } from "./panel.js";
import { SplitControl, offerFields } from "./split.js";
import { TablePanel } from "./toplist.js";

/**
 * A group's panel in a period, with the period's chart defaults under the group's own: a table
 * for `chart: {type: table}` (top-N lists), otherwise a chart, which can be split by a field.
 * The caller calls `placed()` once the panel is in the page (a split chart goes beside it).
 */
export function createPanel(group, period, theme) {
  const shown = forPeriod(group, period);
  if (shown.chart.type === "table") return new TablePanel(shown, period);
  const panel = new Panel(shown, period, theme);
  panel.split = new SplitControl(panel,
    (split, buckets) => new Panel(split, buckets, panel.theme, { baselines: false }));
  return panel;
}

export class Dashboard {
  #panels = new Map();
  #notes = new Map();

  constructor(root, config, theme) {
    this.config = config;
    offerFields(config.fields ?? []);
    root.style.setProperty("--period-count", config.periods.length);
    const longestFirst = [...config.periods].sort((a, b) => b.interval_ms - a.interval_ms);
    for (const period of config.periods) {
      root.append(this.#column(period, longestFirst.indexOf(period), theme));
    }
  }

  /** A datapoint from the bridge: `{period, group, time, events, values}`. */
  add(datapoint) {
    this.#panels.get(key(datapoint.period, datapoint.group))?.add(datapoint);
  }

  loadAllHistory() {
    return Promise.all(this.config.periods.map((period) => this.loadHistory(period)));
  }

  async loadHistory(period) {
    const note = this.#notes.get(period.name);
    try {
      const history = await fetchJson(`api/history?period=${encodeURIComponent(period.name)}`);
      const byGroup = groupBy(history.datapoints || []);
      for (const group of this.config.groups) {
        this.#panels.get(key(period.name, group.name)).add(...(byGroup.get(group.name) || []));
      }
      note.hidden = true;
    } catch (error) {
      note.textContent = `History unavailable: ${error.message}`;
      note.hidden = false;
    }
  }

  setTheme(theme) {
    this.#panels.forEach((panel) => panel.setTheme(theme));
  }

  #column(period, wideOrder, theme) {
    const column = document.createElement("section");
    column.className = "period";
    column.dataset.period = period.name;
    column.style.setProperty("--wide-order", wideOrder);
    const span = formatDuration(period.interval_ms * period.history);
    column.innerHTML = `
      <h2 class="period-title">Every ${formatDuration(period.interval_ms)}
        <span class="period-span">last ${span}</span></h2>
      <p class="period-note" hidden></p>`;
    this.#notes.set(period.name, column.querySelector(".period-note"));
    if (this.config.groups.length === 0) {
      column.insertAdjacentHTML("beforeend", `<p class="empty">No plot groups configured.</p>`);
    }
    for (const group of this.config.groups) {
      const panel = createPanel(group, period, theme);
      this.#panels.set(key(period.name, group.name), panel);
      column.append(panel.element);
      panel.render();
      panel.placed();
    }
    return column;
  }
}

function key(period, group) {
  return `${period}\u0000${group}`;
}

function groupBy(points) {
  const groups = new Map();
  for (const point of points) {
    if (!groups.has(point.group)) groups.set(point.group, []);
    groups.get(point.group).push(point);
  }
  return groups;
}
