package dev.livelog.store.query;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of {@link EventsQuery} ended: the last event's time and identity (source, file,
 * offset). The next page holds the events after it in the page order, so events stored
 * meanwhile neither shift nor repeat what was already shown. Opaque to callers: base64url of
 * a small JSON array.
 */
public record EventCursor(long time, String source, String fileId, long offset) {
  private static final int MAX_TEXT = 4_096;

  public String encode() {
    String json = new JsonArray().add(time).add(source).add(fileId).add(offset).encode();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor a page gave, or null for none.
   *
   * @throws QueryRefused (400) naming {@code after} when it is not one
   */
  public static EventCursor decode(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() > MAX_TEXT) {
        throw new IllegalArgumentException("too long");
      }
      JsonArray a = new JsonArray(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      if (a.size() != 4) {
        throw new IllegalArgumentException("not 4 parts");
      }
      return new EventCursor(a.getLong(0), a.getString(1), a.getString(2), a.getLong(3));
    } catch (IllegalArgumentException | DecodeException | ClassCastException | NullPointerException e) {
      throw QueryRefused.badRequest("'after' is not a cursor a page of events gave (pass its 'next' as"
          + " it is, or leave 'after' out for the newest events)");
    }
  }
}
