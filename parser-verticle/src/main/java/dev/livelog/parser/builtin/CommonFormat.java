package dev.livelog.parser.builtin;

/** Apache's common log format, read as an nginx log_format. */
public final class CommonFormat extends NginxBuiltin {
  public CommonFormat() {
    super("common", "Apache common log format (%h %l %u %t \"%r\" %>s %b)",
        "$remote_addr $ident $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
  }
}
