// Figures beside a group's charts, each a series' value over a long span of stored data (an
// SLO's error budget left over its period): one stored-data query per figure, now and every
// 5 minutes, shown under the legend of each of the group's panels.

import { fetchJson } from "./api.js";
import { formatDuration, formatValue } from "./format.js";

export const FIGURES_EVERY_MS = 300_000;

/** The stored-data query of a figure: one bucket as long as its span, ending now. */
export function figurePath(group, figure, now) {
  const span = figure.span_ms;
  const params = new URLSearchParams({ group, from: String(now - span), to: String(now), step: `${span / 1000}s` });
  return `api/query?${params}`;
}

/**
 * `title: value`, the value as `offset + scale * series` in the figure's format; when the store
 * keeps less than the span (its retention), says over how much it is.
 */
export function figureText(figure, answer) {
  const points = answer.datapoints ?? [];
  const value = points.length ? points[points.length - 1].values?.[figure.series] : null;
  const shown = value === null || value === undefined ? "–"
    : formatValue(figure.format, figure.offset + figure.scale * value);
  const kept = answer.to - answer.from;
  const short = kept < figure.span_ms - 60_000 ? ` (over the ${formatDuration(kept)} stored)` : "";
  return `${figure.title}: ${shown}${short}`;
}

/** Keeps the figures of every group that has some up to date; returns a refresh function. */
export function watchFigures(config, every) {
  const groups = config.groups.filter((g) => g.figures?.length);
  if (!groups.length) return () => {};
  return every(FIGURES_EVERY_MS, async () => {
    for (const group of groups) {
      const texts = [];
      for (const figure of group.figures) {
        try {
          texts.push(figureText(figure, await fetchJson(figurePath(group.name, figure, Date.now()))));
        } catch (error) {
          texts.push(`${figure.title}: unavailable (${error.message})`);
        }
      }
      for (const panel of document.querySelectorAll(".periods .panel")) {
        if (panel.dataset.group !== group.name) continue;
        const box = panel.querySelector(".panel-figures");
        box.textContent = texts.join(" · ");
        box.hidden = false;
      }
    }
  });
}
