package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.util.HashMap;
import java.util.Map;

/**
 * The SockJS event-bus bridge as browsers see it: they may subscribe to datapoints, status
 * changes and alerts, and send nothing. The bridge denies whatever is not listed, so an empty
 * inbound list keeps browsers from publishing to any address (e.g. injecting lines).
 *
 * <p>Transports: WebSocket, and XHR streaming and polling where a proxy blocks WebSockets
 * (their frames come as request bodies, read by a body handler with a small limit). JSONP,
 * htmlfile and EventSource are off: the page does not use them, and a JSONP script tag is
 * a cross-site read that carries no {@code Origin} to check.
 */
final class AnalyticsBridge {
  static final String PATH = "/eventbus";
  static final String ANALYTICS = "livelog\\.analytics\\..+";
  static final String STATUS = "livelog\\.status\\..+";
  /** A live tail's lines: its address holds 128 random bits, only its page knows them. */
  static final String TAIL = "livelog\\.tail\\.page\\.[0-9a-f]{32}";
  /**
   * The page pings every 5 s, but browsers throttle timers in background tabs to about once
   * a minute; a longer timeout than the default 10 s spares those tabs a reconnect loop.
   */
  static final long PING_TIMEOUT_MS = 120_000;
  /** A browser sends registrations and pings only: a few hundred bytes per request. */
  static final long MAX_REQUEST_BODY = 16 * 1024;

  private AnalyticsBridge() {}

  static void mount(Router router, Vertx vertx) {
    router.post(PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BODY));
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx, handlerOptions())
        .bridge(options(), new SessionEnd(vertx)));
  }

  /**
   * Closes a browser's bridge connection when the session it was opened with ends: a tab left
   * open does not stream past its sign-in. The page then reconnects, is refused, and reloads
   * to the sign-in page. A page that does not keep up (a slow link, a stalled tab) loses the
   * messages its socket cannot take instead of having them queued here without bound: its
   * charts refetch history when they reconnect, and its live tail goes on with the next second.
   */
  private static final class SessionEnd implements Handler<BridgeEvent> {
    private final Vertx vertx;
    private final Map<SockJSSocket, Long> timers = new HashMap<>();

    SessionEnd(Vertx vertx) {
      this.vertx = vertx;
    }

    @Override
    public void handle(BridgeEvent event) {
      SockJSSocket socket = event.socket();
      if (event.type() == BridgeEventType.RECEIVE && socket.writeQueueFull()) {
        event.complete(false);
        return;
      }
      if (event.type() == BridgeEventType.SOCKET_CREATED && socket.routingContext() != null) {
        Sessions.Session session = socket.routingContext().get(AccessGuard.SESSION);
        if (session != null) {
          long delay = Math.max(1, session.expiresAt() - System.currentTimeMillis());
          timers.put(socket, vertx.setTimer(delay, t -> {
            timers.remove(socket);
            socket.close();
          }));
        }
      } else if (event.type() == BridgeEventType.SOCKET_CLOSED) {
        Long timer = timers.remove(socket);
        if (timer != null) {
          vertx.cancelTimer(timer);
        }
      }
      event.complete(true);
    }
  }

  static SockJSHandlerOptions handlerOptions() {
    SockJSHandlerOptions options = new SockJSHandlerOptions();
    for (Transport off : new Transport[] {Transport.JSON_P, Transport.HTML_FILE, Transport.EVENT_SOURCE}) {
      options.addDisabledTransport(off.name());
    }
    return options;
  }

  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
        .setPingTimeout(PING_TIMEOUT_MS)
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(ANALYTICS))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(STATUS))
        .addOutboundPermitted(new PermittedOptions().setAddress(Addresses.ALERTS))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(TAIL));
  }
}
