// The live tail: the latest requests as the parsers read them, filtered with the
// where-language, at most a few lines a second (the server samples above that and says
// "1 in k"). The page opens a tail with POST api/tail, renews it while it shows it, and
// closes it when paused, hidden or left: a tail nobody watches costs nothing.
// Stable hooks for browser tests: the panel's data-state ("opening", "live", "paused",
// "error"), data-matched and data-one-in (of the last second), and each line's data-source,
// data-offset, its .tail-text and its fields' data-field.

import { fetchJson } from "./api.js";

const MAX_LINES = 200;

export class LiveTail {
  #tail = null;
  #renewal = null;
  #paused = false;
  #opening = false;
  // Counts opens and closes. Opening takes a round trip (POST api/tail); a pause, a hidden tab or
  // a new filter may come before its answer, and an answer for an older generation is a tail
  // nobody shows any more: it is closed as it arrives, never subscribed or renewed.
  #generation = 0;

  /** `root`: the panel's element; `bridge`: the page's EventBusBridge. */
  constructor(root, bridge, { maxRate }) {
    this.root = root;
    this.bridge = bridge;
    this.lines = root.querySelector(".tail-lines");
    this.state = root.querySelector(".tail-state");
    this.error = root.querySelector(".tail-error");
    this.where = root.querySelector(".tail-where");
    this.rate = root.querySelector(".tail-rate");
    this.pauseButton = root.querySelector(".tail-pause");
    for (const rate of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter((r) => r < maxRate).concat(maxRate)) {
      this.rate.append(new Option(linesPerSecond(rate), rate, rate === maxRate, rate === maxRate));
    }
    this.where.value = new URLSearchParams(location.search).get("tail") ?? "";
    root.querySelector(".tail-controls").addEventListener("submit", (event) => {
      event.preventDefault();
      this.#apply();
    });
    this.rate.addEventListener("change", () => this.#apply());
    this.pauseButton.addEventListener("click", () => (this.#paused ? this.resume() : this.pause()));
    // A hidden tab watches nothing: its tail is closed until it shows again.
    document.addEventListener("visibilitychange", () => {
      if (this.#paused) return;
      if (document.hidden) this.#close();
      else this.#open();
    });
    addEventListener("pagehide", () => this.#close({ leaving: true }));
  }

  start() {
    if (!document.hidden) this.#open();
  }

  pause() {
    this.#paused = true;
    this.#close();
    this.pauseButton.textContent = "Resume";
    this.#showState("paused", "paused");
  }

  resume() {
    this.#paused = false;
    this.pauseButton.textContent = "Pause";
    this.#open();
  }

  // A new filter or rate: the tail is opened again with it.
  #apply() {
    this.lines.replaceChildren();
    this.error.hidden = true; // it was about the filter replaced
    this.#close();
    if (this.#paused) return;
    this.#open();
  }

  // Opens a tail with the filter and rate shown, unless one is open or opening already.
  async #open() {
    if (this.#tail || this.#opening) return;
    const generation = ++this.#generation;
    this.#opening = true;
    this.#showState("opening", "opening…");
    const where = this.where.value.trim();
    const query = new URLSearchParams({ where, rate: this.rate.value });
    let tail;
    try {
      tail = await fetchJson(`api/tail?${query}`, { method: "POST" });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#opening = false;
      this.error.textContent = error.message;
      this.error.hidden = false;
      this.#showState("error", "not tailing");
      return;
    }
    if (generation !== this.#generation) {
      deleteTail(tail);
      return;
    }
    this.#opening = false;
    this.#tail = tail;
    this.error.hidden = true;
    keepFilterInUrl(where);
    this.bridge.subscribe(tail.address, (second) => this.#show(tail, second));
    this.#renewal = setInterval(() => this.#renew(), tail.renew_ms);
    this.#showState("live", "waiting for lines…");
  }

  async #renew() {
    const tail = this.#tail;
    if (!tail) return;
    try {
      await fetchJson(`api/tail/${tail.id}`, { method: "POST" });
    } catch {
      // Expired (the server restarted, the tab slept past it): open a new one.
      if (this.#tail !== tail) return;
      this.#close({ known: false });
      this.#open();
    }
  }

  // Closes the tail open, and makes an opening still on its way close its tail when it arrives.
  #close({ leaving = false, known = true } = {}) {
    this.#generation++;
    this.#opening = false;
    const tail = this.#tail;
    if (!tail) return;
    this.#tail = null;
    clearInterval(this.#renewal);
    this.bridge.unsubscribe(tail.address);
    if (known) deleteTail(tail, leaving);
  }

  // One second of `tail`: its lines, newest on top, and how many matched.
  #show(tail, second) {
    if (this.#tail !== tail) return;
    const items = second.lines.map((line) => lineItem(line));
    this.lines.prepend(...items.reverse());
    while (this.lines.children.length > MAX_LINES) this.lines.lastElementChild.remove();
    this.root.dataset.matched = second.matched;
    this.root.dataset.oneIn = second.one_in;
    const sampled = second.one_in > 1
      ? ` — sampled: 1 in ${second.one_in < 10 ? second.one_in.toFixed(1) : Math.round(second.one_in)}`
      : "";
    this.#showState("live", `${linesPerSecond(second.matched)}${sampled}`);
  }

  #showState(state, text) {
    this.root.dataset.state = state;
    this.state.textContent = text;
  }
}

/** "1 line/s", "1,200 lines/s". */
export function linesPerSecond(count) {
  return `${count.toLocaleString()} ${count === 1 ? "line" : "lines"}/s`;
}

/**
 * The filter of a tail the server opened, in the page's address (`?tail=`). A refused filter
 * never gets there, as in the drill-down: the link keeps the last one that worked.
 */
function keepFilterInUrl(where) {
  const url = new URL(location.href);
  if (where) url.searchParams.set("tail", where);
  else url.searchParams.delete("tail");
  history.replaceState(null, "", url);
}

/** Closes a tail on the server (`leaving`: the request outlives the page). */
function deleteTail(tail, leaving = false) {
  fetchJson(`api/tail/${tail.id}`, { method: "DELETE", keepalive: leaving }).catch(() => {});
}

/**
 * A line: its time, its source and the line as it was read (or, for an event without one, its
 * fields' values); clicked, it shows its fields by name.
 */
export function lineItem(line) {
  const item = document.createElement("li");
  item.dataset.source = line.source;
  item.dataset.offset = line.offset;
  const time = document.createElement("time");
  time.dateTime = new Date(line.time).toISOString();
  time.textContent = new Date(line.time).toLocaleTimeString([], { hourCycle: "h23" });
  const source = document.createElement("span");
  source.className = "tail-source";
  source.textContent = line.source;
  const text = document.createElement("span");
  text.className = "tail-text";
  const fields = document.createElement("dl");
  fields.className = "tail-fields";
  fields.hidden = true;
  for (const [name, value] of Object.entries(line.fields ?? {})) {
    const term = document.createElement("dt");
    term.textContent = name;
    const field = document.createElement("dd");
    field.dataset.field = name;
    field.textContent = String(value);
    fields.append(term, field);
  }
  text.textContent = line.line ?? Object.values(line.fields ?? {}).join(" ");
  item.append(time, source, text, fields);
  item.title = "click for the fields";
  item.addEventListener("click", () => (fields.hidden = !fields.hidden));
  return item;
}
