package dev.livelog.parser.nginx;

/**
 * Splits nginx's {@code $request} ({@code GET /path?query HTTP/1.1}) into method, path,
 * query and protocol. A request line that is not of that shape (a TLS handshake sent to
 * the plain port, {@code -}) leaves the parts absent; the line itself is still valid.
 */
public final class RequestLine {
  /** The fields a request line adds, in order. */
  public static final java.util.List<String> PARTS = java.util.List.of("method", "path", "query", "protocol");

  private RequestLine() {}

  /** Fills {@code out[at..at+3]} with method, path, query, protocol (null when absent). */
  public static void split(String request, Object[] out, int at) {
    int sp1 = request.indexOf(' ');
    if (sp1 <= 0) {
      return;
    }
    int sp2 = request.lastIndexOf(' ');
    String target = sp2 > sp1 ? request.substring(sp1 + 1, sp2) : request.substring(sp1 + 1);
    out[at] = request.substring(0, sp1);
    int q = target.indexOf('?');
    out[at + 1] = q < 0 ? target : target.substring(0, q);
    out[at + 2] = q < 0 ? null : target.substring(q + 1);
    out[at + 3] = sp2 > sp1 ? request.substring(sp2 + 1) : null;
  }
}
