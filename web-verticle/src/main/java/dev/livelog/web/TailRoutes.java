package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.tail.TailSubscription;
import dev.livelog.common.where.EventFilter;
import dev.livelog.common.where.WhereText;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The live tail's API. A page opens a tail with {@code POST /api/tail?where=&rate=} and gets its
 * id and the bridge address its lines come to (outbound only: a page never publishes on the
 * bus), renews it every {@link TailRelay#RENEW_MS} with {@code POST /api/tail/<id>} and closes
 * it with {@code DELETE /api/tail/<id>} (pausing closes it too). The subscription goes to the
 * parsing nodes on {@code livelog.tail.subscriptions} (again at every renewal, so nodes that
 * joined since learn it); their samples come to this node on the tail's own address, and each
 * second {@link TailRelay} merges them into at most the rate for the page.
 */
final class TailRoutes {
  static final long FLUSH_EVERY_MS = 1000;

  private final Vertx vertx;
  private final int maxRate;
  private final TailRelay relay = new TailRelay(new SplittableRandom());
  private final Map<String, MessageConsumer<JsonObject>> intakes = new HashMap<>();

  private TailRoutes(Vertx vertx, int maxRate) {
    this.vertx = vertx;
    this.maxRate = maxRate;
  }

  /** {@code maxRate}: {@code web.tail_rate}, the most lines a second a page may ask for. */
  static void mount(Router router, Vertx vertx, int maxRate) {
    TailRoutes routes = new TailRoutes(vertx, maxRate);
    router.post("/api/tail").handler(routes::open);
    router.post("/api/tail/:id").handler(routes::renew);
    router.delete("/api/tail/:id").handler(routes::close);
    vertx.setPeriodic(FLUSH_EVERY_MS, t -> routes.tick());
  }

  private void open(RoutingContext ctx) {
    String where = ctx.request().getParam("where", "");
    try {
      EventFilter.compileLinear(WhereText.parse(where));
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, 400, "'where' " + e.getMessage());
      return;
    }
    Integer rate = rate(ctx.request().getParam("rate"));
    if (rate == null) {
      ApiError.send(ctx, 400, "'rate' must be a whole number of lines a second from 1 to " + maxRate
          + " (web.tail_rate), got '" + ctx.request().getParam("rate") + "'");
      return;
    }
    TailSubscription tail = relay.open(where, rate, System.currentTimeMillis());
    if (tail == null) {
      ctx.response().putHeader("Retry-After", String.valueOf(TailRelay.EXPIRES_MS / 1000));
      ApiError.send(ctx, 429, TailRelay.MAX_TAILS + " live tails are open on this server, the most"
          + " it keeps; a closed page's tail ends within " + TailRelay.EXPIRES_MS / 1000 + " s");
      return;
    }
    intakes.put(tail.id(), vertx.eventBus().<JsonObject>consumer(Addresses.tailLines(tail.id()),
        m -> relay.absorb(tail.id(), m.body())));
    vertx.eventBus().publish(Addresses.TAIL_SUBSCRIPTIONS, tail.toJson());
    sendJson(ctx, 201, tail.toJson().put("address", Addresses.tailPage(tail.id()))
        .put("max_rate", maxRate).put("renew_ms", TailRelay.RENEW_MS));
  }

  private Integer rate(String text) {
    if (text == null || text.isBlank()) {
      return maxRate;
    }
    try {
      int rate = Integer.parseInt(text.strip());
      return rate >= 1 && rate <= maxRate ? rate : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void renew(RoutingContext ctx) {
    TailSubscription tail = relay.renew(ctx.pathParam("id"), System.currentTimeMillis());
    if (tail == null) {
      notOpen(ctx);
      return;
    }
    vertx.eventBus().publish(Addresses.TAIL_SUBSCRIPTIONS, tail.toJson());
    sendJson(ctx, 200, new JsonObject().put("id", tail.id()).put("expires_ms", tail.expiresInMs()));
  }

  private void close(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!relay.close(id)) {
      notOpen(ctx);
      return;
    }
    ended(id);
    ctx.response().setStatusCode(204).end();
  }

  private static void notOpen(RoutingContext ctx) {
    ApiError.send(ctx, 404, "no live tail '" + ctx.pathParam("id") + "' is open here (it was closed,"
        + " or expired unrenewed after " + TailRelay.EXPIRES_MS / 1000 + " s): open a new one");
  }

  private void tick() {
    relay.expire(System.currentTimeMillis()).forEach(this::ended);
    for (TailRelay.ToPage out : relay.flush()) {
      vertx.eventBus().publish(Addresses.tailPage(out.id()), out.message());
    }
  }

  /** The nodes stop at once rather than at their own expiry. */
  private void ended(String id) {
    MessageConsumer<JsonObject> intake = intakes.remove(id);
    if (intake != null) {
      intake.unregister();
    }
    vertx.eventBus().publish(Addresses.TAIL_SUBSCRIPTIONS, TailSubscription.cancel(id));
  }

  private static void sendJson(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
