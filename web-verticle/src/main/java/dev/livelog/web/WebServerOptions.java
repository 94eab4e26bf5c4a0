package dev.livelog.web;

import dev.livelog.common.config.PemFile;
import dev.livelog.common.config.WebConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * The HTTP server every livelog process runs on {@code web.host:web.port} (the dashboard, or
 * only the probes), over TLS when {@code web.tls} names a certificate and its key. The files
 * are read here, so a missing or unreadable one names its field before anything listens.
 */
final class WebServerOptions {
  private WebServerOptions() {}

  /** @throws dev.livelog.common.config.ConfigException naming web.tls.cert or web.tls.key */
  static HttpServerOptions of(WebConfig web) {
    HttpServerOptions options = new HttpServerOptions().setHost(web.host()).setPort(web.port());
    if (web.tls() == null) {
      return options;
    }
    return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertValue(Buffer.buffer(PemFile.read("web.tls.cert", web.tls().cert(), PemFile.CERTIFICATE)))
        .setKeyValue(Buffer.buffer(PemFile.read("web.tls.key", web.tls().key(), PemFile.PRIVATE_KEY))));
  }
}
