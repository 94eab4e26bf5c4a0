// The sources table: one row per source with where it reads, its state, how fast it reads
// and how far behind it is, from /api/sources. A source whose status stopped coming is
// marked silent: its verticle is gone or its node is unreachable.

import { formatBytes, formatRate } from "./format.js";

const SILENT_AFTER_MS = 10_000;
export const COLUMNS = ["source", "host", "path", "state", "rate", "behind", "error"];

/** The cells of one row, as text, keyed by column. */
export function sourceCells(source) {
  const silent = (source.ageMs ?? 0) > SILENT_AFTER_MS;
  return {
    source: source.id,
    host: source.host ?? "local",
    path: source.path ?? "",
    state: silent ? `${source.state} (silent)` : source.state,
    rate: formatRate(source.linesPerSecond),
    behind: formatBytes(source.bytesBehind),
    error: errorText(source),
  };
}

/** The current error; once the source streams again, the one it recovered from, with when. */
function errorText(source) {
  if (source.lastError) return source.lastError;
  if (!source.previousError) return "";
  const at = new Date(source.previousErrorAt).toLocaleTimeString([], { hourCycle: "h23" });
  return `recovered from (${at}): ${source.previousError}`;
}

export class SourcesTable {
  constructor(element) {
    this.body = element.querySelector("tbody");
    this.empty = element.querySelector(".empty");
  }

  show(sources) {
    this.empty.hidden = sources.length > 0;
    this.body.replaceChildren(
      ...sources.map((source) => {
        const row = document.createElement("tr");
        row.dataset.source = source.id;
        row.dataset.state = source.state;
        const cells = sourceCells(source);
        for (const column of COLUMNS) {
          const cell = document.createElement("td");
          cell.dataset.field = column;
          cell.textContent = cells[column];
          row.append(cell);
        }
        return row;
      }),
    );
  }
}
