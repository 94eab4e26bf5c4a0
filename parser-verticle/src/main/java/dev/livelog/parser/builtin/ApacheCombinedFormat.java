package dev.livelog.parser.builtin;

/** Apache's combined log format with any identd value, read as an nginx log_format. */
public final class ApacheCombinedFormat extends NginxBuiltin {
  public ApacheCombinedFormat() {
    super("apache_combined", "Apache's combined log format (%h %l %u %t \"%r\" %>s %b"
            + " \"%{Referer}i\" \"%{User-agent}i\"), with any %l (identd) value",
        "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\"");
  }
}
