// The page's side of the SockJS event-bus bridge: Vert.x's own client (`vertx-eventbus.js`,
// the global `EventBus`, over the global `SockJS`), set up the way the dashboard needs it:
// reconnects 1 s, 2 s, 4 s, ... up to 30 s (with jitter, so a restarted server is not hit by
// every open page at once), registrations renewed on every open (the client forgets them
// with the socket), and the connection's state reported for the indicator.

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
const PING_EVERY_MS = 5_000;

export class EventBusBridge {
  #url;
  #handlers = new Map();
  #callbacks = new Map();
  #bus = null;
  #stopped = false;
  #listeners;

  /**
   * listeners.onState(state, detail): "connecting", "connected" or "reconnecting"
   *   (detail.retryInMs says about when the next attempt is).
   * listeners.onOpen(): the socket is up and registrations are sent; a page refetches what
   *   it may have missed while it was down.
   * listeners.onError(frame): the server refused a frame.
   */
  constructor(url, listeners = {}) {
    this.#url = url;
    this.#listeners = { onState() {}, onOpen() {}, onError() {}, ...listeners };
  }

  /** Stops the messages of `address` (a live tail that was closed). */
  unsubscribe(address) {
    const callback = this.#callbacks.get(address);
    this.#handlers.delete(address);
    this.#callbacks.delete(address);
    if (callback && this.#isOpen()) this.#bus.unregisterHandler(address, callback);
  }

  /** Calls `handler(body)` for every message published to `address`. */
  subscribe(address, handler) {
    if (!this.#handlers.has(address)) {
      this.#handlers.set(address, new Set());
      if (this.#isOpen()) this.#register(address);
    }
    this.#handlers.get(address).add(handler);
  }

  connect() {
    this.#stopped = false;
    this.#listeners.onState("connecting", {});
    const bus = new EventBus(this.#url, {
      vertxbus_reconnect_delay_min: FIRST_RETRY_MS,
      vertxbus_reconnect_delay_max: LONGEST_RETRY_MS,
      vertxbus_ping_interval: PING_EVERY_MS,
      // The transports the server offers: WebSocket, else XHR streaming, else XHR polling
      // (through proxies that block WebSockets).
      transports: ["websocket", "xhr-streaming", "xhr-polling"],
    });
    bus.enableReconnect(true);
    bus.onopen = () => this.#opened();
    bus.onclose = () => this.#closed();
    bus.onerror = (frame) => this.#refused(frame);
    this.#bus = bus;
  }

  close() {
    this.#stopped = true;
    this.#bus?.enableReconnect(false);
    this.#bus?.close();
  }

  #isOpen() {
    return this.#bus?.state === EventBus.OPEN;
  }

  #opened() {
    for (const address of this.#handlers.keys()) this.#register(address);
    this.#listeners.onState("connected", {});
    this.#listeners.onOpen();
  }

  // One registration per address; its messages go to every handler subscribed to it.
  #register(address) {
    const callback = (error, message) => {
      if (error) {
        this.#refused(error);
        return;
      }
      this.#handlers.get(address)?.forEach((handler) => handler(message.body));
    };
    this.#callbacks.set(address, callback);
    this.#bus.registerHandler(address, callback);
  }

  #closed() {
    if (this.#stopped) return;
    // The client has counted this attempt; its delay doubles from the first, up to the cap.
    const attempts = Math.max(1, this.#bus.reconnectAttempts);
    const retryInMs = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
    this.#listeners.onState("reconnecting", { retryInMs });
  }

  #refused(frame) {
    console.warn("event bus: refused", frame);
    this.#listeners.onError(frame);
  }
}
