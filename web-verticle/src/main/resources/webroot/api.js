// GETs JSON from the verticle's API; a failure carries the server's own explanation.

export async function fetchJson(path) {
  const response = await fetch(new URL(path, document.baseURI), {
    headers: { Accept: "application/json" },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}
