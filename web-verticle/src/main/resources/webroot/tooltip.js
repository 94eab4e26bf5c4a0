// A small box by the cursor with the time and every series' value at the hovered point,
// for when the legend below the chart is out of sight (a phone, a tall column).

export class Tooltip {
  #box;

  constructor(chart) {
    this.#box = document.createElement("div");
    this.#box.className = "tooltip";
    this.#box.hidden = true;
    chart.over.append(this.#box);
  }

  hide() {
    this.#box.hidden = true;
  }

  /** `rows`: [{name, color, text}] at the point `index`; hidden while the cursor is away. */
  show(chart, index, title, rows) {
    if (chart.cursor.left < 0) {
      this.hide();
      return;
    }
    this.#box.replaceChildren(line("tooltip-title", title), ...rows.map(row));
    this.#box.hidden = false;
    // Keep it inside the plot: flip to the left of the cursor on the right half.
    const { left, top } = chart.cursor;
    const flip = left > chart.over.clientWidth / 2;
    this.#box.style.left = `${flip ? left - this.#box.offsetWidth - 12 : left + 12}px`;
    this.#box.style.top = `${Math.max(0, Math.min(top, chart.over.clientHeight - this.#box.offsetHeight))}px`;
  }
}

function line(className, text) {
  const div = document.createElement("div");
  div.className = className;
  div.textContent = text;
  return div;
}

function row({ name, color, text }) {
  const div = line("tooltip-row", "");
  div.innerHTML = `<span class="swatch"></span><span class="series-name"></span><span class="series-value"></span>`;
  div.querySelector(".swatch").style.background = color;
  div.querySelector(".series-name").textContent = name;
  div.querySelector(".series-value").textContent = text;
  return div;
}
