package dev.livelog.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The page a browser gets instead of the dashboard until it signs in: a form for the user and
 * password and/or the token, whichever {@code web.auth} has, that posts to {@code /login} and
 * comes back to the page that was asked for. Plain HTML: no script, nothing the CSP blocks.
 */
final class SignInPage {
  private SignInPage() {}

  static void send(RoutingContext ctx, int status, WebAccess access, String next, String message) {
    StringBuilder page = new StringBuilder("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>livelog: sign in</title></head>
        <body>
        <h1>livelog</h1>
        <p>This livelog dashboard needs credentials.</p>
        """);
    if (message != null) {
      page.append("<p role=\"alert\"><strong>").append(escape(message)).append("</strong></p>\n");
    }
    page.append("<form method=\"post\" action=\"/login\">\n")
        .append("<input type=\"hidden\" name=\"next\" value=\"").append(escape(next)).append("\">\n");
    if (access.acceptsPassword()) {
      page.append("<p><label>User <input name=\"user\" autocomplete=\"username\"></label></p>\n")
          .append("<p><label>Password <input type=\"password\" name=\"password\"")
          .append(" autocomplete=\"current-password\"></label></p>\n");
    }
    if (access.acceptsToken()) {
      page.append("<p><label>").append(access.acceptsPassword() ? "Or the token" : "Token")
          .append(" <input type=\"password\" name=\"token\" autocomplete=\"off\"></label></p>\n");
    }
    page.append("""
        <p><button type="submit">Sign in</button></p>
        </form>
        <p>Scripts send <code>Authorization: Bearer &lt;token&gt;</code> (or basic auth) instead.</p>
        </body></html>
        """);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(page.toString());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
