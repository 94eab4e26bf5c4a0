package dev.livelog.parser.builtin;

/** The {@code main} format of nginx.conf as distributions ship it. */
public final class MainFormat extends NginxBuiltin {
  public MainFormat() {
    super("main", "nginx.conf's default 'main' format: combined plus X-Forwarded-For",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"");
  }
}
