package dev.livelog.web;

import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

/**
 * The SockJS event-bus bridge as browsers see it: they may subscribe to datapoints and
 * status changes, and send nothing. The bridge denies whatever is not listed, so an empty
 * inbound list keeps browsers from publishing to any address (e.g. injecting lines).
 */
final class AnalyticsBridge {
  static final String ANALYTICS = "livelog\\.analytics\\..+";
  static final String STATUS = "livelog\\.status\\..+";
  /**
   * The page pings every 5 s, but browsers throttle timers in background tabs to about once
   * a minute; a longer timeout than the default 10 s spares those tabs a reconnect loop.
   */
  static final long PING_TIMEOUT_MS = 120_000;

  private AnalyticsBridge() {}

  static Router router(Vertx vertx) {
    return SockJSHandler.create(vertx).bridge(options());
  }

  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
        .setPingTimeout(PING_TIMEOUT_MS)
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(ANALYTICS))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(STATUS));
  }
}
