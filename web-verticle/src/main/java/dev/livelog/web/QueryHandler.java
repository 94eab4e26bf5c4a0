package dev.livelog.web;

import dev.livelog.common.bus.Addresses;
import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * A query over a group's stored data, answered by the analyzer over the bus and held to its
 * query limits there: {@code GET /api/query?group=&from=&to=&step=&split=} (a group's
 * datapoints over any stored range, {@code livelog.query}: the page's zoom into the past, or a
 * chart split by a field), {@code GET /api/events?group=&series=&from=&to=&where=&limit=&after=&split=}
 * (the stored events behind a series, {@code livelog.query.events}: the drill-down) and
 * {@code GET /api/baseline?group=&offset=&from=&to=&step=} (the datapoints stored
 * {@code offset} earlier, moved under the chart, {@code livelog.baseline}: its day- or
 * week-earlier overlay). Bad syntax is refused here, and so is a parameter of another of these
 * routes ({@link StoredDataRoute}); the analyzer's 400, 429 and 504 are relayed as they are.
 */
final class QueryHandler implements Handler<RoutingContext> {
  /**
   * The analyzer answers by its query deadline (10 s, cancelling the query there); waiting a
   * little longer lets its own 504 through, and still ends the wait when no analyzer is left.
   */
  private static final long REPLY_TIMEOUT_MS = 15_000;

  /** A request read from the query parameters: its group and the bus request it makes. */
  interface GroupRequest {
    String group();

    JsonObject toJson();
  }

  /** Reads a request from its query parameters at {@code now}; a mistake is an IllegalArgumentException. */
  interface Parser {
    GroupRequest parse(Function<String, String> params, long now);
  }

  private final BusRelay analyzer;
  private final LivelogConfig config;
  private final StoredDataRoute route;
  private final Parser parser;

  private QueryHandler(EventBus bus, LivelogConfig config, String address, StoredDataRoute route,
      Parser parser) {
    this.analyzer = new BusRelay(bus, address, "analyzer", REPLY_TIMEOUT_MS);
    this.config = config;
    this.route = route;
    this.parser = parser;
  }

  /** {@code /api/query}. */
  static QueryHandler datapoints(EventBus bus, LivelogConfig config) {
    return new QueryHandler(bus, config, Addresses.QUERY, StoredDataRoute.QUERY, QueryRequest::parse);
  }

  /** {@code /api/baseline}. */
  static QueryHandler baseline(EventBus bus, LivelogConfig config) {
    return new QueryHandler(bus, config, Addresses.BASELINE, StoredDataRoute.BASELINE, BaselineRequest::parse);
  }

  /** {@code /api/events}. */
  static QueryHandler events(EventBus bus, LivelogConfig config) {
    return new QueryHandler(bus, config, Addresses.EVENTS_QUERY, StoredDataRoute.EVENTS, EventsRequest::parse);
  }

  @Override
  public void handle(RoutingContext ctx) {
    GroupRequest request;
    try {
      route.refuseOthers(ctx.request()::getParam);
      request = parser.parse(ctx.request()::getParam, System.currentTimeMillis());
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, 400, e.getMessage());
      return;
    }
    String unknown = unknownGroup(request.group());
    if (!config.groups().containsKey(request.group())) {
      ApiError.send(ctx, 404, unknown);
      return;
    }
    analyzer.relay(ctx, request.toJson(), unknown);
  }

  // Names the parameter and the groups there are, as a misspelt group in the config is answered.
  private String unknownGroup(String group) {
    return "'group': unknown group '" + group + "'; groups: " + String.join(", ", config.groups().keySet());
  }
}
