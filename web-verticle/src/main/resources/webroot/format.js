// The group's value format is printf-like, as in the config ("%.1f%%", "%.2f", "%d ms").
// This is the small subset dashboards need: conversions d i f e g s and %%, flags - + 0 and
// space, a width and a precision. Anything else in the format is copied as is.

const SPEC = /%([-+0 ]*)(\d+)?(?:\.(\d+))?([diefgs%])/g;
const MISSING = "–";

/** Formats `value` with a printf-like `format`; `precision` (optional) overrides the format's. */
export function formatValue(format, value, precision) {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (!/%[-+0 ]*\d*(?:\.\d+)?[diefgs]/.test(format)) format = "%.2f";
  return format.replace(SPEC, (spec, flags, width, ownPrecision, conversion) => {
    if (conversion === "%") return "%";
    const digits = precision ?? (ownPrecision === undefined ? undefined : Number(ownPrecision));
    return pad(signed(convert(conversion, value, digits), flags, value), flags, Number(width || 0));
  });
}

function convert(conversion, value, digits) {
  const n = Number(value);
  switch (conversion) {
    case "d":
    case "i":
      return String(Math.round(n));
    case "f":
      return n.toFixed(digits ?? 6);
    case "e":
      return n.toExponential(digits ?? 6);
    case "g":
      return String(Number(n.toPrecision(digits || 6)));
    default:
      return String(value);
  }
}

function signed(text, flags, value) {
  if (typeof value !== "number" || value < 0 || text.startsWith("-")) return text;
  if (flags.includes("+")) return "+" + text;
  if (flags.includes(" ")) return " " + text;
  return text;
}

function pad(text, flags, width) {
  if (text.length >= width) return text;
  const fill = width - text.length;
  if (flags.includes("-")) return text + " ".repeat(fill);
  if (flags.includes("0") && /^[-+ ]?\d/.test(text)) {
    const sign = /^[-+ ]/.test(text) ? text[0] : "";
    return sign + "0".repeat(fill) + text.slice(sign.length);
  }
  return " ".repeat(fill) + text;
}

/** "5 s", "5 min", "12 min", "2 h", "1.5 d": how long a period or a chart's span is. */
export function formatDuration(ms) {
  const units = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["min", 60_000],
    ["s", 1_000],
  ];
  for (const [unit, size] of units) {
    if (ms >= size) return `${Number((ms / size).toFixed(1))} ${unit}`;
  }
  return `${ms} ms`;
}

/** "0 B", "512 B", "1.5 KiB", "12 MiB": how far a source is behind its file. */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return MISSING;
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`;
}

/** A rate with sensible precision: "0", "0.5", "12", "1,234". */
export function formatRate(perSecond) {
  if (perSecond === null || perSecond === undefined) return MISSING;
  return perSecond < 10 && perSecond % 1 !== 0
    ? perSecond.toFixed(1)
    : Math.round(perSecond).toLocaleString("en-US");
}
