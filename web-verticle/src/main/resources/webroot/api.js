// GETs JSON from the verticle's API; a failure carries the server's own explanation.

const BUSY_RETRIES = 5;

/**
 * GETs `path` as JSON (or `method` it: POST, DELETE). A 429 (too many queries running on the
 * analyzer) is asked again after the server's Retry-After, a few times, before it counts as a
 * failure. An answer without a body (204) is `{}`.
 */
export async function fetchJson(path, { method = "GET", keepalive = false } = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(new URL(path, document.baseURI), {
      method,
      keepalive,
      headers: { Accept: "application/json" },
    });
    if (response.status === 401) {
      // The session ended (it expired, or this browser signed out in another tab): reloading
      // shows the sign-in form the server answers with instead of the page.
      location.reload();
      throw new Error("signed out");
    }
    const body = await response.json().catch(() => ({}));
    if (response.status === 429 && attempt < BUSY_RETRIES) {
      const seconds = Number(response.headers.get("Retry-After")) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
    return body;
  }
}

/** `work(item, index)` for every item, at most `atOnce` at a time; results in item order. */
export async function inTurns(items, atOnce, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return results;
}
