// Lines that did not parse: how many, per source, and the newest samples with the reason,
// from /api/deadletters. A growing count usually means a format that no longer matches.

export class DeadLetters {
  constructor(element) {
    this.count = element.querySelector("[data-count]");
    this.bySource = element.querySelector(".by-source");
    this.samples = element.querySelector(".samples");
    this.empty = element.querySelector(".empty");
  }

  show({ count = 0, bySource = {}, samples = [] }) {
    this.count.textContent = count.toLocaleString("en-US");
    this.count.dataset.count = String(count);
    this.bySource.textContent = Object.entries(bySource)
      .map(([source, n]) => `${source}: ${n.toLocaleString("en-US")}`)
      .join(" · ");
    this.samples.replaceChildren(...samples.map(sampleItem));
    this.empty.hidden = count > 0;
  }
}

function sampleItem(sample) {
  const item = document.createElement("li");
  item.innerHTML = `<div class="sample-meta"></div><code class="sample-line"></code><div class="sample-reason"></div>`;
  const when = sample.receivedAt ? new Date(sample.receivedAt).toLocaleTimeString([], { hourCycle: "h23" }) : "";
  item.querySelector(".sample-meta").textContent = `${when} ${sample.source ?? ""} @${sample.offset ?? "?"}`;
  item.querySelector(".sample-line").textContent = sample.line ?? "";
  item.querySelector(".sample-reason").textContent = sample.reason ?? "";
  return item;
}
