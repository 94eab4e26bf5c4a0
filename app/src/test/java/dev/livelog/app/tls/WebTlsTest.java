package dev.livelog.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livelog.app.Livelog;
import dev.livelog.app.LivelogNode;
import dev.livelog.app.Role;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.LivelogConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code web.tls}: the dashboard, its API and the probes over HTTPS with the operator's PEM
 * certificate and key, checked by a real HTTPS client that trusts that certificate only.
 */
class WebTlsTest {
  @TempDir Path dir;

  private LivelogConfig config(Path cert, Path key, String auth) {
    return ConfigLoader.parse("storage: {data_dir: '" + dir.resolve("data") + "'}\n"
        + "web:\n  host: 127.0.0.1\n  port: 0\n  tls: {cert: '" + cert + "', key: '" + key + "'}\n"
        + auth);
  }

  @Test
  void theDashboardAndTheProbesAnswerOverHttpsWithTheConfiguredCertificate() throws Exception {
    TestCertificates.Issued cert = TestCertificates.selfSigned(dir.resolve("tls"), "livelog", "127.0.0.1", "localhost");
    HttpClient https = trusting(cert);
    for (Set<Role> roles : Set.of(EnumSet.of(Role.WEB), EnumSet.of(Role.PARSER))) {
      LivelogNode node = start(config(cert.certFile(), cert.keyFile(),
          "  auth: {token_env: TLS_TOKEN}\n"), roles);
      try {
        HttpResponse<String> live = https.send(get(node, "/health/live"), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).as(roles + " /health/live").isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).as(roles + " HSTS").isPresent();
        assertThat(live.sslSession()).isPresent();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.webPort() + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()))
            .as(roles + ": no plain HTTP on the TLS port").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(get(node, "/health/live"),
                HttpResponse.BodyHandlers.ofString()))
            .as(roles + ": a client that does not trust the certificate").isInstanceOf(SSLHandshakeException.class);
        if (roles.contains(Role.WEB)) {
          HttpResponse<String> signIn = https.send(get(node, "/?token=tls-t0ken"), HttpResponse.BodyHandlers.ofString());
          assertThat(signIn.statusCode()).isEqualTo(302);
          assertThat(signIn.headers().firstValue("Set-Cookie")).get().asString()
              .as("the session cookie travels over HTTPS only").containsIgnoringCase("; Secure");
          assertThat(https.send(get(node, "/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
      } finally {
        node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aMissingOrWrongPemFileNamesItsFieldAndExitsWith2() throws Exception {
    TestCertificates.Issued cert = TestCertificates.selfSigned(dir.resolve("tls"), "livelog", "127.0.0.1");
    Path missing = dir.resolve("nowhere.crt");
    assertThat(run(config(missing, cert.keyFile(), ""))).startsWith("2 ").contains("web.tls.cert")
        .contains("cannot read").contains(missing.toString());
    assertThat(run(config(cert.certFile(), cert.certFile(), ""))).startsWith("2 ").contains("web.tls.key")
        .contains("no PEM private key");
  }

  private String run(LivelogConfig config) throws Exception {
    Path file = dir.resolve("livelog.yaml");
    Files.writeString(file, """
        storage: {data_dir: '%s'}
        web:
          host: 127.0.0.1
          port: 0
          tls: {cert: '%s', key: '%s'}
        """.formatted(dir.resolve("data"), config.web().tls().cert(), config.web().tls().key()));
    StringWriter err = new StringWriter();
    int code = Livelog.execute(new String[] {"run", "-c", file.toString(), "--roles", "web"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return code + " " + err;
  }

  private static LivelogNode start(LivelogConfig config, Set<Role> roles) throws Exception {
    return LivelogNode.start(config, roles, false, Map.of("TLS_TOKEN", "tls-t0ken"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static HttpRequest get(LivelogNode node, String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.webPort() + path)).build();
  }

  /** An HTTPS client that trusts {@code cert} and nothing else. */
  static HttpClient trusting(TestCertificates.Issued cert) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("livelog", cert.certificate());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
