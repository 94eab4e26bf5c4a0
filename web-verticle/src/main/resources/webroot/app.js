// livelog dashboard: loads the layout from /api/config, fills the charts from
// /api/history, then appends live datapoints from the event-bus bridge. Sources and dead
// letters are polled, alerts come live; the range control swaps the live columns for stored
// data.

import { AlertsView } from "./alerts.js";
import { fetchJson } from "./api.js";
import { watchFigures } from "./figures.js";
import { EventBusBridge } from "./bridge.js";
import { Dashboard } from "./dashboard.js";
import { DeadLetters } from "./deadletters.js";
import { DrillDown } from "./drilldown.js";
import { PastView } from "./past.js";
import { PRESETS, localInputValue, rangeOf } from "./range.js";
import { SourcesTable } from "./sources.js";
import { LiveTail } from "./tail.js";
import { currentTheme, onThemeChange } from "./theme.js";

const ANALYTICS_PREFIX = "livelog.analytics.";
const CONFIG_RETRY_MS = 5_000;
const SOURCES_EVERY_MS = 2_000;
const DEAD_LETTERS_EVERY_MS = 5_000;
const DEAD_LETTER_SAMPLES = 5;
const ALERTS_ADDRESS = "livelog.alerts";
const ALERTS_EVERY_MS = 10_000;

const $ = (id) => document.getElementById(id);
const connection = $("connection");
const notice = $("notice");

function showConnection(state, { retryInMs } = {}) {
  connection.dataset.state = state;
  connection.textContent = state === "reconnecting" ? "reconnecting…" : state === "connecting" ? "connecting…" : state;
  connection.title = retryInMs ? `next attempt in ${Math.round(retryInMs / 1000)} s` : "";
}

function showNotice(text) {
  notice.textContent = text ?? "";
  notice.hidden = !text;
}

async function loadConfig() {
  for (;;) {
    try {
      const config = await fetchJson("api/config");
      showNotice(null);
      return config;
    } catch (error) {
      showNotice(`Cannot load the configuration (${error.message}); retrying.`);
      await new Promise((resolve) => setTimeout(resolve, CONFIG_RETRY_MS));
    }
  }
}

// Runs `task` every `ms` while the page is visible (hidden tabs need no table); the caller
// runs the returned function for the first time (when the bridge opens).
function every(ms, task) {
  const run = () => document.hidden || task().catch(() => {});
  setInterval(run, ms);
  document.addEventListener("visibilitychange", run);
  return run;
}

function watchStatus() {
  const sources = new SourcesTable($("sources"));
  const deadLetters = new DeadLetters($("deadletters"));
  const refreshSources = every(SOURCES_EVERY_MS, async () => sources.show((await fetchJson("api/sources")).sources));
  const refreshDeadLetters = every(DEAD_LETTERS_EVERY_MS, async () =>
    deadLetters.show(await fetchJson(`api/deadletters?limit=${DEAD_LETTER_SAMPLES}`)));
  return () => {
    refreshSources();
    refreshDeadLetters();
  };
}

// The alerts list and banner, when the config has alert rules: the server's list now and every
// 10 s (alerts whose node stopped reporting age there), what the rules' holders publish live.
function watchAlerts(config, bridge) {
  if (!config.alerts?.length) return () => {};
  $("alerts").hidden = false;
  const view = new AlertsView($("alerts"), $("alert-banner"));
  bridge.subscribe(ALERTS_ADDRESS, (alert) => {
    view.list.update(alert);
    view.show();
  });
  return every(ALERTS_EVERY_MS, async () => {
    view.list.replace((await fetchJson("api/alerts")).alerts);
    view.show();
  });
}

// An alert's link opens the page on its window: ?group=...&from=...[&to=...] (epoch ms) shows
// the stored range, with the group's panel brought into view.
function showLinkedWindow(select, show) {
  const params = new URLSearchParams(location.search);
  const from = Number(params.get("from"));
  if (!params.has("from") || !Number.isFinite(from)) return;
  const to = params.has("to") ? Number(params.get("to")) : Date.now();
  select.value = "custom";
  $("range-from").value = localInputValue(from);
  $("range-to").value = localInputValue(Number.isFinite(to) ? to : Date.now());
  show();
  const panel = [...$("past").querySelectorAll(".panel")].find((p) => p.dataset.group === params.get("group"));
  if (panel) {
    panel.classList.add("highlight");
    panel.scrollIntoView({ block: "center" });
  }
}

// "Live" shows the live columns; a preset or a custom range shows stored data instead.
function setUpRangeControl(config, getTheme) {
  const select = $("range");
  const custom = $("custom-range");
  const past = new PastView($("past"), config);
  select.append(...PRESETS.map((p) => new Option(p.label, p.value)), new Option("Custom…", "custom"));
  const show = () => {
    const live = select.value === "live";
    custom.hidden = select.value !== "custom";
    $("periods").hidden = !live;
    $("past").hidden = live;
    if (live) return;
    if (select.value === "custom" && !$("range-from").value) {
      $("range-from").value = localInputValue(Date.now() - 3_600_000);
      $("range-to").value = localInputValue(Date.now());
    }
    try {
      const range = rangeOf({
        value: select.value,
        from: new Date($("range-from").value).getTime(),
        to: new Date($("range-to").value).getTime(),
      });
      past.show(range, getTheme());
      showNotice(null);
    } catch (error) {
      showNotice(error.message);
    }
  };
  select.addEventListener("change", show);
  $("range-form").addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  showLinkedWindow(select, show);
  return past;
}

// A signed-in browser may sign out (the form posts to /logout).
function showSession(session) {
  if (!session) return;
  const form = $("sign-out");
  form.hidden = false;
  form.title = `signed in as ${session.user} until ${new Date(session.expiresAt).toLocaleString()}`;
}

async function start() {
  const config = await loadConfig();
  showSession(config.session);
  const dashboard = new Dashboard($("periods"), config, currentTheme());
  const past = setUpRangeControl(config, currentTheme);
  onThemeChange(() => {
    dashboard.setTheme(currentTheme());
    past.setTheme(currentTheme());
  });
  // A click on a chart's point (live or stored) asks for the events behind it.
  const drillDown = new DrillDown($("drilldown"), config);
  document.addEventListener("drill", (event) => drillDown.open(event.detail));
  drillDown.restore();
  const refreshStatus = watchStatus();
  await dashboard.loadAllHistory();

  // History is fetched again each time the socket opens, the first time included: points
  // published while it was down (or before it first registered) come back that way, and
  // points already shown are simply replaced.
  const refreshFigures = watchFigures(config, every);
  let refreshAlerts = () => {};
  const bridge = new EventBusBridge(new URL("eventbus", document.baseURI).href, {
    onState: showConnection,
    onOpen: () => {
      dashboard.loadAllHistory();
      refreshStatus();
      refreshAlerts();
      refreshFigures();
    },
  });
  refreshAlerts = watchAlerts(config, bridge);
  new LiveTail($("tail"), bridge, { maxRate: config.tail.max_rate }).start();
  for (const period of config.periods) {
    bridge.subscribe(ANALYTICS_PREFIX + period.name, (datapoint) => dashboard.add(datapoint));
  }
  bridge.connect();
}

start();
