// A small client for the Vert.x SockJS event-bus bridge, on top of sockjs-client (the
// global `SockJS`). There is no packaged bridge client we can serve, and we need only the
// receiving half of the protocol. Every frame is one JSON text message:
//   to the server:   {"type":"register","address":A}    start receiving what is sent to A
//                    {"type":"unregister","address":A}  stop
//                    {"type":"ping"}                    "still here"; the server closes a
//                                                       socket that stays silent too long
//   from the server: {"type":"rec","address":A,"body":B}       a message published to A
//                    {"type":"err","body":"access_denied",...} a refused frame
// Registrations live as long as the socket, so they are sent again after each reconnect.

const PING_EVERY_MS = 5_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

export class EventBusBridge {
  #url;
  #handlers = new Map();
  #socket = null;
  #pinger = null;
  #retryMs = FIRST_RETRY_MS;
  #retryTimer = null;
  #stopped = false;
  #listeners;

  /**
   * listeners.onState(state, detail): "connecting", "connected" or "reconnecting"
   *   (detail.retryInMs says when the next attempt is).
   * listeners.onOpen(): the socket is up and registrations are sent; a page refetches what
   *   it may have missed while it was down.
   * listeners.onError(frame): the server refused a frame.
   */
  constructor(url, listeners = {}) {
    this.#url = url;
    this.#listeners = { onState() {}, onOpen() {}, onError() {}, ...listeners };
  }

  /** Calls `handler(body)` for every message published to `address`. */
  subscribe(address, handler) {
    if (!this.#handlers.has(address)) {
      this.#handlers.set(address, new Set());
      this.#send({ type: "register", address });
    }
    this.#handlers.get(address).add(handler);
  }

  unsubscribe(address, handler) {
    const handlers = this.#handlers.get(address);
    if (!handlers) return;
    handlers.delete(handler);
    if (handlers.size === 0) {
      this.#handlers.delete(address);
      this.#send({ type: "unregister", address });
    }
  }

  connect() {
    this.#stopped = false;
    this.#listeners.onState("connecting", {});
    this.#open();
  }

  close() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#socket?.close();
  }

  #open() {
    const socket = new SockJS(this.#url);
    this.#socket = socket;
    socket.onopen = () => this.#opened(socket);
    socket.onmessage = (event) => this.#received(event.data);
    socket.onclose = () => this.#closed(socket);
  }

  #opened(socket) {
    if (socket !== this.#socket) return;
    this.#retryMs = FIRST_RETRY_MS;
    for (const address of this.#handlers.keys()) this.#send({ type: "register", address });
    this.#pinger = setInterval(() => this.#send({ type: "ping" }), PING_EVERY_MS);
    this.#listeners.onState("connected", {});
    this.#listeners.onOpen();
  }

  #received(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      console.warn("event bus: unreadable frame", data);
      return;
    }
    if (frame.type === "rec") {
      this.#handlers.get(frame.address)?.forEach((handler) => handler(frame.body));
    } else if (frame.type === "err") {
      console.warn("event bus: refused", frame);
      this.#listeners.onError(frame);
    }
  }

  // Retries with a doubling delay (1 s, 2 s, ... 30 s), so a restarting server is not
  // hammered by every open page at once.
  #closed(socket) {
    if (socket !== this.#socket) return;
    clearInterval(this.#pinger);
    this.#socket = null;
    if (this.#stopped) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, LONGEST_RETRY_MS);
    this.#listeners.onState("reconnecting", { retryInMs: delay });
    this.#retryTimer = setTimeout(() => this.#open(), delay);
  }

  #send(frame) {
    if (this.#socket?.readyState === SockJS.OPEN) this.#socket.send(JSON.stringify(frame));
  }
}
