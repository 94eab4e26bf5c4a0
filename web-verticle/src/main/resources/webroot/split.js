// Splitting a chart by a field the events carry (host, source, $host, ...), chosen in its
// panel: the analyzer computes the group from stored events with one series per value of the
// field for each analyzer (within its max_series, the rest as "other"), through
// /api/query?split=. A live panel is asked again every interval (at least every 5 s); a stored
// range once. The split chart takes the panel's place until the field is cleared. The field is
// kept in the page's address (?split=<period>:<group>:<field>), so a reload or a shared link
// shows the split chart again.
// Stable hooks for browser tests: the split panel's data-split (the field) and, as any panel,
// its legend's data-series.

import { panelValues, withPanelValues } from "./address.js";
import { fetchJson } from "./api.js";
import { queryPath } from "./range.js";

const FIELD_LIST = "split-fields";
const FASTEST_REFRESH_MS = 5_000;
const PARAM = "split";

/** The field the page's address splits a panel by, or null. */
export function splitIn(search, period, group) {
  return panelValues(search, PARAM, period, group)[0] || null;
}

/** The address with a panel's split field set to `field` (null: none). */
export function withSplit(href, period, group, field) {
  return withPanelValues(href, PARAM, period, group, field ? [field] : []);
}

/** The fields offered as you type (any other may be typed): the config's, and `source`. */
export function offerFields(fields) {
  if (document.getElementById(FIELD_LIST)) return;
  const list = document.createElement("datalist");
  list.id = FIELD_LIST;
  list.append(...fields.map((field) => new Option(field)));
  document.body.append(list);
}

export class SplitControl {
  #view = null;
  #timer = null;
  #request = 0;

  /**
   * `panel`: the chart panel; `createView(group, period)`: a panel of `period` (the panel's, its
   * points one interval long) for the split.
   */
  constructor(panel, createView) {
    this.panel = panel;
    this.createView = createView;
    panel.element.querySelector(".panel-head").append(splitForm("", (field) => this.split(field)));
  }

  /** Splits the chart as the page's address says, once the panel is in the page. */
  restore() {
    const field = splitIn(location.search, this.panel.period.name, this.panel.group.name);
    if (field) this.split(field);
  }

  split(field) {
    this.clear();
    if (!field) return;
    this.#keepInAddress(field);
    const group = { ...this.panel.group, series: [], label: `${this.panel.group.label} by ${field}` };
    // Its points are /api/query's buckets, an interval each, where a live point counts its
    // period's window (often longer): a click on one lists the events of its bucket.
    const view = this.createView(group, { ...this.panel.period, window_ms: this.panel.period.interval_ms });
    view.element.classList.add("split");
    view.element.dataset.split = field;
    view.element.querySelector(".panel-head").append(
      splitForm(field, (next) => this.split(next), () => this.clear()));
    this.note = document.createElement("p");
    this.note.className = "period-note";
    this.note.hidden = true;
    view.element.append(this.note);
    this.panel.element.hidden = true;
    this.panel.element.after(view.element);
    view.render();
    this.#view = view;
    this.#load(field);
    if (!this.panel.period.range) {
      const every = Math.max(this.panel.period.interval_ms, FASTEST_REFRESH_MS);
      this.#timer = setInterval(() => document.hidden || this.#load(field), every);
    }
  }

  /** The split chart in the page's new colours (the panel's own are set by its owner). */
  setTheme(theme) {
    this.#view?.setTheme(theme);
  }

  clear() {
    clearInterval(this.#timer);
    this.#request++;
    this.#view?.element.remove();
    this.#view = null;
    this.panel.element.hidden = false;
    this.#keepInAddress(null);
  }

  #keepInAddress(field) {
    const { period, group } = this.panel;
    history.replaceState(history.state, "", withSplit(location.href, period.name, group.name, field));
  }

  async #load(field) {
    const request = ++this.#request;
    const view = this.#view;
    try {
      const answer = await fetchJson(queryPath(this.panel.group.name, this.#range(), field));
      if (request !== this.#request) return;
      view.add(...(answer.datapoints || []));
      this.note.hidden = true;
    } catch (error) {
      if (request !== this.#request) return;
      this.note.textContent = `Cannot split by ${field}: ${error.message}`;
      this.note.hidden = false;
    }
  }

  // A stored range as it is; live, the period's whole history up to its newest interval.
  #range() {
    const period = this.panel.period;
    if (period.range) return { from: period.range[0], to: period.range[1], step: period.interval_ms };
    const to = Math.floor(Date.now() / period.interval_ms) * period.interval_ms;
    return { from: to - period.interval_ms * period.history, to, step: period.interval_ms };
  }
}

/** The field box (Enter splits, an empty box or × clears). */
function splitForm(value, onSplit, onClear) {
  const form = document.createElement("form");
  form.className = "panel-split";
  form.innerHTML = `<input class="split-field" list="${FIELD_LIST}" placeholder="split by…"
      aria-label="split by a field" spellcheck="false" size="10">`;
  const input = form.querySelector("input");
  input.value = value;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSplit(input.value.trim());
  });
  if (onClear) {
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "split-clear";
    clear.title = "back to the chart as configured";
    clear.textContent = "×";
    clear.addEventListener("click", onClear);
    form.append(clear);
  }
  return form;
}
