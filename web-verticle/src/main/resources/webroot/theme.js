// Chart colours come from CSS custom properties, so light and dark are defined in
// style.css only; canvases cannot follow a media query, so charts are redrawn on a change.

export function currentTheme() {
  const css = getComputedStyle(document.documentElement);
  const read = (name) => css.getPropertyValue(name).trim();
  return {
    axis: read("--chart-axis"),
    grid: read("--chart-grid"),
    font: `12px ${read("--font-ui")}`,
    palette: read("--series-colors").split(",").map((color) => color.trim()),
    other: read("--series-other"),
  };
}

export function onThemeChange(callback) {
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", callback);
}
