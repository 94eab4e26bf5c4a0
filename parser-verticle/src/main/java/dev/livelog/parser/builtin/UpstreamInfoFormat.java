package dev.livelog.parser.builtin;

/**
 * ingress-nginx's access log: its controller's default {@code log-format-upstream}, written
 * to nginx.conf as {@code log_format upstreaminfo}. The upstream variables hold one value per
 * server tried, read as lists ({@code NginxVariables}).
 */
public final class UpstreamInfoFormat extends NginxBuiltin {
  public UpstreamInfoFormat() {
    super("upstreaminfo", "ingress-nginx's access log (its default log-format-upstream):"
            + " combined plus request length and time, the upstream's name, address, response"
            + " length, time and status per try, and the request id",
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" $request_length $request_time "
            + "[$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr "
            + "$upstream_response_length $upstream_response_time $upstream_status $req_id");
  }
}
