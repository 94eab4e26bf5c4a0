// The drill-down: the stored events behind a point of a chart (or a span of points), newest
// first, a page at a time from /api/events, with their fields as columns and the original
// line; a filter box in the where-language narrows them. What is shown lives in the URL
// (drill, drill.series, drill.split, drill.from, drill.to, drill.where), so a link reopens it.
// A chart split by a field (split.js) drills into its split series.
// Stable hooks for browser tests: the panel's data-state ("loading", "shown", "error"),
// data-group, data-series, data-from, data-to (epoch ms), data-total and data-page (both empty
// when a page was refused: no list is shown then, rather than the one before); each
// event's row (tr.event) with its data-id and its cells' data-field, and the row below it
// with its line (.event-line).

import { fetchJson } from "./api.js";

const PAGE = 50;
const PARAMS = {
  group: "drill", series: "drill.series", split: "drill.split", from: "drill.from", to: "drill.to", where: "drill.where",
};

/**
 * The events a point at `time` stands for: its window, `[time - window, time)`, as live
 * datapoints and stored buckets are dated at the end of their window; null without a time.
 */
export function pointWindow(time, period) {
  if (time === null || time === undefined) return null;
  return { from: time - (period.window_ms ?? period.interval_ms), to: time };
}

/** The drill-down's state from a URL's parameters, or null when none is shown. */
export function stateOf(params) {
  const group = params.get(PARAMS.group);
  const from = Number(params.get(PARAMS.from));
  const to = Number(params.get(PARAMS.to));
  if (!group || !Number.isFinite(from) || !Number.isFinite(to) || !params.get(PARAMS.from)) return null;
  return {
    group, series: params.get(PARAMS.series) || null, split: params.get(PARAMS.split) || null,
    from, to, where: params.get(PARAMS.where) || "",
  };
}

/** The URL parameters with the drill-down's state (null: none) put in, the others kept. */
export function withState(params, state) {
  const out = new URLSearchParams(params);
  Object.values(PARAMS).forEach((name) => out.delete(name));
  if (!state) return out;
  out.set(PARAMS.group, state.group);
  if (state.series) out.set(PARAMS.series, state.series);
  if (state.split) out.set(PARAMS.split, state.split);
  out.set(PARAMS.from, String(state.from));
  out.set(PARAMS.to, String(state.to));
  if (state.where) out.set(PARAMS.where, state.where);
  return out;
}

/**
 * The state kept in the URL while its page is asked for: a filter goes into the URL only once
 * the server took it, so until then the filter already there (`params`) stays. A refused
 * filter never reaches a link; a reload shows the last list that was shown.
 */
export function pendingState(state, params) {
  return { ...state, where: params.get(PARAMS.where) || "" };
}

/** The summary when a page was refused (`message`, the server's): no list, and why. */
export function refusedSummary(message) {
  return message.startsWith("'where'")
    ? "No events listed: the filter is not valid (see below)."
    : "No events listed: the request failed (see below).";
}

/**
 * Why a filter let nothing through when it names fields no event of the series (or group)
 * over the window carries, with the fields one of them has: a misspelt field, or another
 * format's (`cache` where the format calls the cache status `status`), says so instead of a
 * bare 0. "" when the answer lists events or names no such field.
 */
export function absentNote(answer, state) {
  const absent = answer.absent_fields ?? [];
  if (answer.total !== 0 || !absent.length) return "";
  const present = answer.present_fields ?? [];
  return ` — no event of this ${state.series ? "series" : "group"} here has a field`
    + ` ${absent.map((name) => `'${name}'`).join(" or ")}`
    + (present.length ? ` (an event's fields: ${present.join(", ")})` : "");
}

/** The REST address of a page of the events of `state`, after `cursor` (none: the newest). */
export function eventsPath(state, cursor, limit = PAGE) {
  const query = new URLSearchParams({ group: state.group, from: String(state.from), to: String(state.to), limit: String(limit) });
  if (state.series) query.set("series", state.series);
  if (state.split) query.set("split", state.split);
  if (state.where) query.set("where", state.where);
  if (cursor) query.set("after", cursor);
  return `api/events?${query}`;
}

/** Field names over a page's events, in the order they first appear. */
export function columnsOf(events) {
  const names = [];
  for (const event of events) {
    for (const name of Object.keys(event.fields || {})) if (!names.includes(name)) names.push(name);
  }
  return names;
}

export class DrillDown {
  #state = null;
  #cursors = [null]; // the cursor of each page shown so far: back goes one down
  #request = 0;

  /** `root`: the panel's element; `config`: /api/config's answer (for group labels). */
  constructor(root, config) {
    this.root = root;
    this.config = config;
    this.title = root.querySelector(".drill-title");
    this.summary = root.querySelector(".drill-summary");
    this.error = root.querySelector(".drill-error");
    this.where = root.querySelector(".drill-where");
    this.table = root.querySelector(".drill-events");
    this.newer = root.querySelector(".drill-newer");
    this.older = root.querySelector(".drill-older");
    root.querySelector(".drill-controls").addEventListener("submit", (event) => {
      event.preventDefault();
      this.open({ ...this.#state, where: this.where.value.trim() });
    });
    root.querySelector(".drill-close").addEventListener("click", () => this.close());
    this.newer.addEventListener("click", () => this.#page(this.#cursors.length - 2));
    this.older.addEventListener("click", () => this.#page(this.#cursors.length));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !this.root.hidden) this.close();
    });
  }

  /** Shows what the URL says, if anything. */
  restore() {
    const state = stateOf(new URLSearchParams(location.search));
    if (state) this.open(state);
  }

  /** Shows the events of `{group, series, from, to, where}`, from the newest. */
  open(state) {
    this.#state = { ...state, where: state.where ?? this.where.value.trim() };
    this.#cursors = [null];
    this.where.value = this.#state.where;
    this.#keepInUrl(pendingState(this.#state, new URL(location.href).searchParams));
    this.root.hidden = false;
    Object.assign(this.root.dataset, { group: state.group, series: state.series ?? "", from: state.from, to: state.to });
    this.title.textContent = `${this.#label(state.group)}${state.split ? ` split by ${state.split}` : ""}`
      + `${state.series ? ` · ${state.series}` : ""}`;
    this.#page(1);
  }

  close() {
    this.#request++;
    this.#state = null;
    this.root.hidden = true;
    this.#keepInUrl(null);
  }

  #label(group) {
    return this.config.groups.find((g) => g.name === group)?.label ?? group;
  }

  #keepInUrl(state) {
    const url = new URL(location.href);
    url.search = withState(url.searchParams, state).toString();
    history.replaceState(null, "", url);
  }

  // Page n (1: the newest) from the cursor the page before it ended at.
  async #page(n) {
    if (n < 1 || n > this.#cursors.length) return;
    const request = ++this.#request;
    this.root.dataset.state = "loading";
    this.error.hidden = true;
    try {
      const answer = await fetchJson(eventsPath(this.#state, this.#cursors[n - 1]));
      if (request !== this.#request) return;
      this.#cursors = this.#cursors.slice(0, n);
      if (answer.next) this.#cursors.push(answer.next);
      this.#keepInUrl(this.#state); // its filter was taken
      this.#show(answer, n);
    } catch (error) {
      if (request !== this.#request) return;
      this.#refused(error.message);
    }
  }

  // No list rather than the one before under the error: it would look like the filter's.
  #refused(message) {
    Object.assign(this.root.dataset, { state: "error", total: "", page: "" });
    this.summary.textContent = refusedSummary(message);
    this.error.textContent = message;
    this.error.hidden = false;
    this.newer.disabled = true;
    this.older.disabled = true;
    this.table.tHead.replaceChildren();
    this.table.tBodies[0].replaceChildren();
  }

  #show(answer, n) {
    const events = answer.events || [];
    const first = (n - 1) * PAGE;
    Object.assign(this.root.dataset, { state: "shown", total: answer.total, page: n });
    this.summary.textContent = `${answer.total.toLocaleString()} ${answer.total === 1 ? "event" : "events"}`
      + ` from ${when(this.#state.from)} to ${when(this.#state.to)}`
      + (events.length ? `, ${(first + 1).toLocaleString()}–${(first + events.length).toLocaleString()} shown` : "")
      + absentNote(answer, this.#state);
    this.newer.disabled = n === 1;
    this.older.disabled = !answer.next;
    const columns = columnsOf(events);
    const head = document.createElement("tr");
    for (const name of ["event time", ...columns]) head.append(cell("th", name));
    // Each event is two rows: its fields, then its line across the whole table.
    const rows = events.flatMap((event) => {
      const fields = document.createElement("tr");
      fields.className = "event";
      fields.dataset.id = event.id;
      fields.append(cell("td", when(event.time, true), "time"));
      for (const name of columns) fields.append(cell("td", text(event.fields?.[name]), name));
      const line = document.createElement("div");
      line.className = "event-line";
      line.textContent = event.line ?? "(no line: stored before lines were kept)";
      const across = cell("td", "");
      across.colSpan = columns.length + 1;
      across.append(line);
      const below = document.createElement("tr");
      below.className = "event-line-row";
      below.append(across);
      return [fields, below];
    });
    this.table.tHead.replaceChildren(head);
    this.table.tBodies[0].replaceChildren(...rows);
  }
}

function cell(tag, content, field) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (field) element.dataset.field = field;
  return element;
}

function text(value) {
  if (value === null || value === undefined) return "";
  return Array.isArray(value) ? value.map(text).join(", ") : String(value);
}

function when(ms, precise = false) {
  const options = precise
    ? { hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 }
    : { hourCycle: "h23", dateStyle: "short", timeStyle: "medium" };
  return new Date(ms).toLocaleString([], options);
}
