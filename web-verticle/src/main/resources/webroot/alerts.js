// Alerts: a banner while any fires, and the list (firing, pending, lately resolved) with each
// alert's value, since when, its summary and a link to its window. Filled from /api/alerts and
// kept live by what the rules' holders publish on `livelog.alerts` over the bridge.

import { formatDuration } from "./format.js";

const STALE_AFTER_MS = 10_000;
const STATE_RANK = { firing: 0, pending: 1, resolved: 2 };

/** The alerts by fingerprint, as the server's AlertBoard keeps them, merged with live news. */
export class AlertList {
  #alerts = new Map();

  /** Takes the server's list (`/api/alerts`), replacing what was known. */
  replace(alerts, now = Date.now()) {
    this.#alerts = new Map(alerts.map((a) => [a.fingerprint, { ...a, seenAt: now - (a.ageMs ?? 0) }]));
  }

  /** One alert published live; `inactive` (a pending one that did not fire) removes it. */
  update(alert, now = Date.now()) {
    if (!alert?.fingerprint) return;
    if (alert.state === "inactive") this.#alerts.delete(alert.fingerprint);
    else this.#alerts.set(alert.fingerprint, { ...alert, seenAt: now });
  }

  /** Firing first, then pending, then resolved, newest first within each. */
  sorted() {
    return [...this.#alerts.values()].sort(
      (a, b) => (STATE_RANK[a.state] ?? 3) - (STATE_RANK[b.state] ?? 3) || b.seenAt - a.seenAt);
  }

  firing() {
    return this.sorted().filter((a) => a.state === "firing");
  }
}

/** What an alert is about: its series (or the source it watches). */
export function alertSubject(alert) {
  const labels = alert.labels ?? {};
  return labels.series ?? (labels.source ? `source ${labels.source}` : labels.group ?? "");
}

/** The cells of an alert's row, as text. */
export function alertCells(alert, now = Date.now()) {
  const since = alert.state === "resolved" ? alert.endsAt : alert.state === "firing" ? alert.startsAt : alert.activeAt;
  const stale = alert.state !== "resolved" && now - (alert.seenAt ?? now) > STALE_AFTER_MS;
  return {
    state: stale ? `${alert.state} (no news)` : alert.state,
    alert: alert.rule,
    subject: alertSubject(alert),
    value: alert.valueText ?? "",
    since: !since ? "" : now - since < 1_000 ? "just now" : `${formatDuration(now - since)} ago`,
    summary: alert.annotations?.summary ?? alert.annotations?.description ?? "",
  };
}

/**
 * The banner's text: how many fire and which (the first few), or null when none does.
 */
export function bannerText(firing) {
  if (firing.length === 0) return null;
  const shown = firing.slice(0, 3).map((a) => `${a.rule} ${alertSubject(a)}`.trim());
  const more = firing.length > 3 ? ` and ${firing.length - 3} more` : "";
  return `${firing.length} alert${firing.length === 1 ? "" : "s"} firing: ${shown.join(", ")}${more}`;
}

/**
 * Where an alert's link goes on this page: its window (the group over the stored range around
 * it), from the `url` the server made for notifications, kept on this page's own address
 * (the configured external URL may be another name for it).
 */
export function windowHref(alert, base) {
  if (!alert.url) return null;
  const link = new URL(alert.url);
  const here = new URL(base);
  return `${here.pathname}${link.search}${link.hash}`;
}

const COLUMNS = ["state", "alert", "subject", "value", "since", "summary"];

export class AlertsView {
  constructor(panel, banner) {
    this.panel = panel;
    this.banner = banner;
    this.body = panel.querySelector("tbody");
    this.count = panel.querySelector("[data-count]");
    this.empty = panel.querySelector(".empty");
    this.list = new AlertList();
  }

  show(list = this.list, now = Date.now()) {
    const alerts = list.sorted();
    const firing = list.firing();
    this.count.textContent = String(firing.length);
    this.count.dataset.count = String(firing.length);
    this.empty.hidden = alerts.length > 0;
    this.body.replaceChildren(...alerts.map((alert) => this.#row(alert, now)));
    const text = bannerText(firing);
    this.banner.hidden = !text;
    this.banner.replaceChildren();
    if (text) {
      const link = document.createElement("a");
      link.href = "#alerts";
      link.textContent = text;
      this.banner.append(link);
      this.banner.dataset.severity = firing.some((a) => a.labels?.severity === "critical") ? "critical" : "warning";
    }
  }

  #row(alert, now) {
    const row = document.createElement("tr");
    row.dataset.state = alert.state;
    row.dataset.fingerprint = alert.fingerprint;
    row.dataset.severity = alert.labels?.severity ?? "";
    const cells = alertCells(alert, now);
    for (const column of COLUMNS) {
      const cell = document.createElement("td");
      cell.dataset.field = column;
      cell.textContent = cells[column];
      row.append(cell);
    }
    const href = windowHref(alert, document.baseURI);
    const cell = document.createElement("td");
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.className = "alert-window";
      link.textContent = "window";
      cell.append(link);
    }
    row.append(cell);
    return row;
  }
}
