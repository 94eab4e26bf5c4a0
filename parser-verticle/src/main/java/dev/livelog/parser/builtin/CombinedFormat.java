package dev.livelog.parser.builtin;

/** nginx's combined access log, the default of {@code access_log}. */
public final class CombinedFormat extends NginxBuiltin {
  public CombinedFormat() {
    super("combined", "nginx's combined access log; also Apache's combined when its %l is -,"
            + " as by default",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\"");
  }
}
