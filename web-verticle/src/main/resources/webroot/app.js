// livelog dashboard: loads the layout from /api/config, fills the charts from
// /api/history, then appends live datapoints from the event-bus bridge.

import { fetchJson } from "./api.js";
import { EventBusBridge } from "./bridge.js";
import { Dashboard } from "./dashboard.js";
import { currentTheme, onThemeChange } from "./theme.js";

const ANALYTICS_PREFIX = "livelog.analytics.";
const CONFIG_RETRY_MS = 5_000;

const connection = document.getElementById("connection");
const notice = document.getElementById("notice");

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

async function start() {
  const config = await loadConfig();
  const dashboard = new Dashboard(document.getElementById("periods"), config, currentTheme());
  onThemeChange(() => dashboard.setTheme(currentTheme()));
  await dashboard.loadAllHistory();

  // History is fetched again each time the socket opens, the first time included: points
  // published while it was down (or before it first registered) come back that way, and
  // points already shown are simply replaced.
  const bridge = new EventBusBridge(new URL("eventbus", document.baseURI).href, {
    onState: showConnection,
    onOpen: () => dashboard.loadAllHistory(),
  });
  for (const period of config.periods) {
    bridge.subscribe(ANALYTICS_PREFIX + period.name, (datapoint) => dashboard.add(datapoint));
  }
  bridge.connect();
}

start();
