package dev.livelog.common.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void aUrisCredentialsAreMasked() {
    assertThat(Redaction.uris("cannot reach mongodb://livelog:s3cr3t@db:27017/livelog?authSource=admin"))
        .isEqualTo("cannot reach mongodb://livelog:***@db:27017/livelog?authSource=admin");
    assertThat(Redaction.uris("GET https://ghp_T0KEN@github.com/x and http://a:b@c/"))
        .isEqualTo("GET https://***@github.com/x and http://a:***@c/");
    assertThat(Redaction.uris("mongodb+srv://u:p%40ss@cluster0.example.net/db"))
        .isEqualTo("mongodb+srv://u:***@cluster0.example.net/db");
    assertThat(Redaction.uris("no uri here, mail ops@example.com")).isEqualTo("no uri here, mail ops@example.com");
    assertThat(Redaction.uris("https://example.com/a@b")).isEqualTo("https://example.com/a@b");
    assertThat(Redaction.uris(null)).isNull();
  }

  @Test
  void aCommandShowsItsProgramOnly() {
    assertThat(Redaction.command("journalctl -f -o cat -u nginx")).isEqualTo("journalctl …");
    assertThat(Redaction.command("curl -s -H 'Authorization: Bearer abc123' https://x/logs"))
        .isEqualTo("curl …");
    assertThat(Redaction.command("PGPASSWORD=hunter2 LANG=C psql -c 'select 1'"))
        .isEqualTo("PGPASSWORD=*** LANG=*** psql …");
    assertThat(Redaction.command("  /usr/bin/tail  ")).isEqualTo("/usr/bin/tail");
    assertThat(Redaction.command("https://u:p@host/x")).isEqualTo("https://u:***@host/x");
  }
}
