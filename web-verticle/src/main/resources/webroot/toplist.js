// A plot group with `chart: {type: table}`, such as a top-N metric: a table of the newest
// datapoint's values, largest first, instead of a chart. Same interface as Panel.

import { formatValue } from "./format.js";
import { panelElement, showFolded } from "./panel.js";
import { foldedCount } from "./series.js";

/**
 * `values` ({name: number|null}) as rows sorted by value, largest first; empty ones after, and
 * series of folded values (`other`, named in `folded`) last, with how many they folded.
 */
export function topRows(values = {}, format = "%.2f", folded = null) {
  const rank = (row) => (row.folded !== null ? 2 : row.value === null ? 1 : 0);
  return Object.entries(values)
    .map(([name, value]) => ({
      name, value: typeof value === "number" ? value : null, folded: foldedCount(name, folded),
    }))
    .sort((a, b) => rank(a) - rank(b) || (b.value ?? -Infinity) - (a.value ?? -Infinity)
      || a.name.localeCompare(b.name))
    .map((row) => ({ ...row, text: formatValue(format, row.value) }));
}

export class TablePanel {
  #latest = null;

  constructor(group, period) {
    this.group = group;
    this.period = period;
    this.element = panelElement(group, period, "panel table-panel",
      `<table class="top-table"><thead><tr><th scope="col">value</th><th scope="col" class="num">count</th></tr></thead>
      <tbody></tbody></table>
      <p class="empty">No data yet.</p>`);
  }

  /** Nothing to do once in the page: a table is not split. */
  placed() {}

  /** Keeps only the newest point: a table shows one moment. */
  add(...points) {
    for (const point of points) {
      if (!this.#latest || point.time >= this.#latest.time) this.#latest = point;
    }
    this.render();
  }

  setTheme() {}

  render() {
    const point = this.#latest;
    const rows = point ? topRows(point.values, this.group.format, point.folded) : [];
    this.element.querySelector(".empty").hidden = rows.length > 0;
    this.element.querySelector("tbody").replaceChildren(...rows.map(tableRow));
    const time = this.element.querySelector(".panel-time");
    time.textContent = point ? new Date(point.time).toLocaleTimeString([], { hourCycle: "h23" }) : "";
    time.dateTime = point ? new Date(point.time).toISOString() : "";
    this.element.querySelector(".panel-events").textContent =
      point ? `${(point.events ?? 0).toLocaleString()} events` : "";
  }
}

function tableRow({ name, text, folded }) {
  const row = document.createElement("tr");
  row.dataset.series = name;
  row.innerHTML = `<td><span class="series-name"></span> <span class="series-folded"></span></td><td class="series-value num"></td>`;
  row.querySelector(".series-name").textContent = name;
  row.querySelector(".series-value").textContent = text;
  showFolded(row, folded);
  return row;
}
