package dev.livelog.store.query;

import dev.livelog.common.config.Durations;
import io.vertx.core.eventbus.Message;
import java.time.Duration;

/**
 * A query over stored data that is not answered, with the HTTP status that says why: a bad or
 * too wide request (400, the message names the parameter), too many queries running (429), or
 * a query cancelled at its deadline (504). Bus answerers fail with this status and message.
 */
public final class QueryRefused extends RuntimeException {
  private final int status;

  private QueryRefused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static QueryRefused badRequest(String message) {
    return new QueryRefused(400, message);
  }

  public static QueryRefused busy(int most) {
    return new QueryRefused(429, "too many queries: at most " + most + " run at once over stored"
        + " events; try again when one has finished");
  }

  public static QueryRefused timedOut(Duration budget) {
    return new QueryRefused(504, "the query did not finish within its " + Durations.format(budget)
        + " deadline and was cancelled; ask for a shorter range, a longer step or fewer filters");
  }

  public int status() {
    return status;
  }

  /**
   * Fails a bus request with the failure's status (a {@code QueryRefused}) or as the store's
   * failure (500), so the web can relay it.
   */
  public static void fail(Message<?> request, Throwable failure) {
    if (failure instanceof QueryRefused refused) {
      request.fail(refused.status(), refused.getMessage());
    } else {
      request.fail(500, "the store could not answer: " + failure.getMessage());
    }
  }
}
