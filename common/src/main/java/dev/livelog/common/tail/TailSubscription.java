package dev.livelog.common.tail;

import io.vertx.core.json.JsonObject;

/**
 * A page's live tail as the parsing nodes hold it: the id naming its addresses, the
 * where-language text its lines must pass, at most {@code rate} lines a second, and how long
 * it lives without being renewed. Read back with every field checked: a subscription is
 * never trusted to be bounded because a web node made it.
 */
public record TailSubscription(String id, String where, int rate, long expiresInMs) {
  /** The most lines a second a tail may ask for, whatever the config says. */
  public static final int MAX_RATE = 1000;
  /** The longest a tail may live unrenewed. */
  public static final long MAX_EXPIRY_MS = 300_000;

  public TailSubscription {
    if (id == null || !id.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a tail id is 32 hexadecimal digits, got '" + id + "'");
    }
    if (rate < 1 || rate > MAX_RATE) {
      throw new IllegalArgumentException("a tail's rate is 1 to " + MAX_RATE + " lines a second, got " + rate);
    }
    if (expiresInMs < 1 || expiresInMs > MAX_EXPIRY_MS) {
      throw new IllegalArgumentException("a tail expires within " + MAX_EXPIRY_MS + " ms, got " + expiresInMs);
    }
    where = where == null ? "" : where;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("where", where).put("rate", rate)
        .put("expires_ms", expiresInMs);
  }

  /** A cancellation of tail {@code id}. */
  public static JsonObject cancel(String id) {
    return new JsonObject().put("id", id).put("cancel", true);
  }

  /** @throws IllegalArgumentException when a field is missing or out of bounds */
  public static TailSubscription fromJson(JsonObject json) {
    try {
      return new TailSubscription(json.getString("id"), json.getString("where"),
          json.getInteger("rate", 0), json.getLong("expires_ms", 0L));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("not a tail subscription: " + json.encode());
    }
  }
}
