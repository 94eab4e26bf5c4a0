// The time-range control's arithmetic: which stored range a choice means, and a step that
// gives a readable number of points (a chart of a week does not need a point per second).

export const PRESETS = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "6h", label: "Last 6 hours", ms: 6 * 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 24 * 3_600_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 24 * 3_600_000 },
];

const TARGET_POINTS = 240;
const NICE_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The smallest "round" step (in ms) that covers `spanMs` in about 240 points or fewer. */
export function stepFor(spanMs) {
  const wanted = spanMs / TARGET_POINTS / 1000;
  const nice = NICE_STEPS_S.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
  return nice * 1000;
}

/** `{from, to, step}` in epoch ms for a preset ending now, or for explicit from/to. */
export function rangeOf(choice, now = Date.now()) {
  const preset = PRESETS.find((p) => p.value === choice.value);
  const from = preset ? now - preset.ms : choice.from;
  const to = preset ? now : choice.to;
  if (!(Number.isFinite(from) && Number.isFinite(to)) || from >= to) {
    throw new Error("the start of the range must be before its end");
  }
  return { from, to, step: stepFor(to - from) };
}

/** The REST address of one group's datapoints over a range, split by a field when given. */
export function queryPath(group, { from, to, step }, split) {
  const params = new URLSearchParams({ group, from: String(from), to: String(to), step: `${step / 1000}s` });
  if (split) params.set("split", split);
  return `api/query?${params}`;
}

/** Epoch ms as the value of an `<input type="datetime-local">`: local time, to the second. */
export function localInputValue(ms) {
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}
