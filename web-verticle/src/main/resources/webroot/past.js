// The zoom into the past: every plot group over a stored time range, asked of /api/query
// (the analyzer computes it from stored events), one panel per group, shown instead of the
// live columns until the operator goes back to live.

import { fetchJson, inTurns } from "./api.js";
import { createPanel } from "./dashboard.js";
import { formatDuration } from "./format.js";
import { queryPath } from "./range.js";

export class PastView {
  #panels = [];
  #request = 0;

  constructor(root, config) {
    this.root = root;
    this.config = config;
    this.span = root.querySelector(".period-span");
    this.note = root.querySelector(".period-note");
    this.box = root.querySelector(".past-panels");
  }

  /** Shows `range` ({from, to, step} in ms); a newer call supersedes one still loading. */
  async show(range, theme) {
    const request = ++this.#request;
    const points = Math.ceil((range.to - range.from) / range.step);
    const period = { name: "past", interval_ms: range.step, history: points + 1, range: [range.from, range.to] };
    this.span.textContent = `${when(range.from)} – ${when(range.to)}, a point every ${formatDuration(range.step)}`;
    this.note.hidden = true;
    this.#panels = this.config.groups.map((group) => createPanel(group, period, theme));
    this.box.replaceChildren(...this.#panels.map((panel) => panel.element));
    this.#panels.forEach((panel) => {
      panel.render();
      panel.placed();
    });
    // Two at a time: the analyzer runs a few stored-data queries at once and refuses more.
    const failures = await inTurns(this.config.groups, 2, (group, i) => this.#load(group, range, this.#panels[i]));
    const failure = failures.find(Boolean);
    if (request === this.#request && failure) {
      this.note.textContent = `Stored data unavailable: ${failure}`;
      this.note.hidden = false;
    }
  }

  setTheme(theme) {
    this.#panels.forEach((panel) => panel.setTheme(theme));
  }

  async #load(group, range, panel) {
    try {
      const answer = await fetchJson(queryPath(group.name, range));
      panel.add(...(answer.datapoints || []));
      return null;
    } catch (error) {
      return error.message;
    }
  }
}

function when(ms) {
  return new Date(ms).toLocaleString([], { hourCycle: "h23", dateStyle: "medium", timeStyle: "short" });
}
