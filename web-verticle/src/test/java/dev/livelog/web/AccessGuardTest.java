package dev.livelog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.ConfigLoader;
import dev.livelog.common.config.WebAuthConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code web.auth} on: the page, the API and the bridge need credentials, probes do not;
 * a browser signs in once (a form, or {@code ?token=} on a page) and lives on a signed,
 * expiring session cookie; wrong guesses are slowed down per address.
 */
class AccessGuardTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-session";
  private static final Map<String, String> ENV = Map.of("LL_TOKEN", "t0ken", "LL_PASSWORD", "secret",
      "LL_SESSION", SECRET);
  private static final WebAuthConfig AUTH = new WebAuthConfig("LL_TOKEN", "ops", "LL_PASSWORD")
      .withSessionSecretEnv("LL_SESSION");
  private static final String BROWSER = "Sec-Fetch-Mode";

  @TempDir Path dir;
  private BlockingHttp http;

  @AfterEach
  void close() throws Exception {
    if (http != null) {
      http.close();
    }
  }

  private BlockingHttp start(WebAuthConfig auth) {
    LivelogConfig plain = ConfigLoader.parse(TestServer.YAML
        + "storage: {data_dir: '" + dir.resolve("data") + "'}\n");
    http = BlockingHttp.serving(plain.withWeb(plain.web().withAuth(auth)), ENV);
    return http;
  }

  @Test
  void withoutCredentialsThePageTheApiAndTheBridgeAre401() throws Exception {
    start(AUTH);
    for (String path : List.of("/", "/app.js", "/api/config", "/eventbus/info")) {
      HttpResponse<Buffer> response = http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.getHeader("WWW-Authenticate")).as(path + ": a script is challenged")
          .startsWith("Basic realm=\"livelog\"");
      assertThat(http.get(path, BROWSER, "navigate").getHeader("WWW-Authenticate"))
          .as(path + ": a browser gets the sign-in form, not its own password dialog")
          .startsWith("Bearer");
    }
    assertThat(http.get("/api/config").bodyAsJsonObject().getString("error")).contains("credentials");
    assertThat(http.get("/").bodyAsString()).contains("needs credentials")
        .contains("<form method=\"post\" action=\"/login\">").contains("name=\"password\"")
        .contains("name=\"token\"").doesNotContain("<script");
    assertThat(http.webSocketStatus()).isEqualTo(401);
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void scriptsUseABearerTokenOrBasicAuth() throws Exception {
    start(AUTH);
    HttpResponse<Buffer> api = http.get("/api/config", "Authorization", "Bearer t0ken");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.bodyAsJsonObject().getJsonArray("groups")).hasSize(2);
    assertThat(api.cookies()).as("no session for a script").isEmpty();
    assertThat(http.get("/", "Authorization", basic("ops:secret")).bodyAsString()).contains("<title>livelog</title>");
    assertThat(http.get("/api/config", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/config", "Authorization", basic("ops:wrong")).statusCode()).isEqualTo(401);
  }

  /** What a browser does: open the page with ?token= once, then live on the session cookie. */
  @Test
  void theTokenInAPagesAddressGivesASessionCookieForThePageAndTheBridge() throws Exception {
    start(AUTH);
    HttpResponse<Buffer> redirect = http.get("/?token=t0ken&view=x");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.getHeader("Location")).isEqualTo("/?view=x");
    assertThat(redirect.cookies()).singleElement().asString()
        .startsWith(SessionCookie.NAME + "=v1.").containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict").contains("Path=/").contains("Max-Age=43200")
        .doesNotContainIgnoringCase("Secure");
    String cookie = cookie(redirect);
    assertThat(http.get("/", "Cookie", cookie).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/config", "Cookie", cookie).bodyAsJsonObject()
        .getJsonObject("session").getString("user")).isEqualTo("token");
    assertThat(http.webSocketStatus("Cookie", cookie)).isEqualTo(101);
  }

  @Test
  void theApiAndTheBridgeNeverTakeATokenInTheirAddress() throws Exception {
    start(AUTH);
    assertThat(http.get("/api/config?token=t0ken").statusCode()).isEqualTo(401);
    assertThat(http.get("/eventbus/info?token=t0ken").statusCode()).isEqualTo(401);
  }

  @Test
  void theRedirectAfterSigningInStaysOnThisSite() throws Exception {
    start(AUTH);
    assertThat(http.get("//evil.example/x?token=t0ken").getHeader("Location")).isEqualTo("/evil.example/x");
    assertThat(http.get("/\\evil.example?token=t0ken").getHeader("Location")).isEqualTo("/evil.example");
    HttpResponse<Buffer> form = signIn("user=ops&password=secret&next=%2F%2Fevil.example%2Fx");
    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.getHeader("Location")).isEqualTo("/evil.example/x");
    assertThat(signIn("user=ops&password=secret&next=https%3A%2F%2Fevil.example%2F").getHeader("Location"))
        .isEqualTo("/");
  }

  @Test
  void theSignInFormGivesASessionAndSigningOutEndsIt() throws Exception {
    start(AUTH);
    HttpResponse<Buffer> wrong = signIn("user=ops&password=nope&next=%2F");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsString()).contains("not right");
    assertThat(wrong.cookies()).isEmpty();

    HttpResponse<Buffer> right = signIn("user=ops&password=secret&next=%2Findex.html%3Fview%3Dx");
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(right.getHeader("Location")).isEqualTo("/index.html?view=x");
    String cookie = cookie(right);
    assertThat(http.get("/api/config", "Cookie", cookie).statusCode()).isEqualTo(200);
    assertThat(cookie(signIn("token=t0ken&next=%2F"))).as("the token signs in too").startsWith(SessionCookie.NAME);

    HttpResponse<Buffer> out = http.post("/logout", "", "Cookie", cookie);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.getHeader("Location")).isEqualTo("/login");
    assertThat(out.cookies()).singleElement().asString().contains("Max-Age=0");
    assertThat(http.get("/api/config", "Cookie", cookie).statusCode()).as("the old cookie, kept").isEqualTo(401);
  }

  @Test
  void anExpiredForgedOrAlteredCookieIsRefused() throws Exception {
    start(AUTH);
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    byte[] credentials = WebAccess.of(AUTH, ENV).credentials();
    long now = System.currentTimeMillis();
    Sessions server = new Sessions(secret, credentials, Duration.ofHours(12));
    assertThat(status(server.issue("ops", now))).as("a cookie as the server makes them").isEqualTo(200);
    assertThat(status(server.issue("ops", now - Duration.ofHours(13).toMillis()))).as("expired").isEqualTo(401);
    assertThat(http.get("/", "Cookie", SessionCookie.NAME + "=" + server.issue("ops", now - Duration.ofHours(13).toMillis()))
        .bodyAsString()).contains("session has ended");
    Sessions forger = new Sessions("a guessed secret of thirty-two characters".getBytes(StandardCharsets.UTF_8),
        credentials, Duration.ofDays(365));
    assertThat(status(forger.issue("ops", now))).as("forged").isEqualTo(401);
    String valid = server.issue("ops", now);
    String[] parts = valid.split("\\.");
    assertThat(status(String.join(".", parts[0], parts[1], "" + (Long.parseLong(parts[2]) + 86_400 * 365),
        parts[3], parts[4]))).as("expiry pushed back").isEqualTo(401);
    assertThat(status(server.issue("root", now))).as("a user this config does not have").isEqualTo(401);
    assertThat(status("v1.b3Bz.9999999999.AAAA.AAAA")).as("made up").isEqualTo(401);
  }

  @Test
  void aBridgeConnectionEndsWithItsSession() throws Exception {
    start(AUTH);
    Duration ttl = AUTH.sessionTtl();
    // A cookie holds its expiry in whole seconds: this one ends 6.5 to 7.5 s from now, time
    // enough for the handshake on a loaded machine (a session over before it is refused).
    String ending = new Sessions(SECRET.getBytes(StandardCharsets.UTF_8), WebAccess.of(AUTH, ENV).credentials(), ttl)
        .issue("ops", System.currentTimeMillis() - ttl.toMillis() + 7_500);
    long expiresAt = Long.parseLong(ending.split("\\.")[2]) * 1000;
    CompletableFuture<Long> closed = new CompletableFuture<>();
    http.webSocket("Cookie", SessionCookie.NAME + "=" + ending)
        .closeHandler(v -> closed.complete(System.currentTimeMillis()));
    assertThat(closed.get(20, TimeUnit.SECONDS)).as("closed when the session ended, not before")
        .isGreaterThanOrEqualTo(expiresAt - 20);
  }

  @Test
  void failedSignInsAreSlowedDownPerAddress() throws Exception {
    start(AUTH);
    for (int i = 0; i < 10; i++) {
      assertThat(http.get("/api/config", "Authorization", "Bearer guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<Buffer> held = http.get("/api/config", "Authorization", "Bearer t0ken");
    assertThat(held.statusCode()).as("even the right token waits").isEqualTo(429);
    assertThat(Long.parseLong(held.getHeader("Retry-After"))).isBetween(1L, 6L);
    assertThat(signIn("user=ops&password=secret&next=%2F").statusCode()).isEqualTo(429);
    assertThat(http.get("/?token=t0ken").statusCode()).isEqualTo(429);
    assertThat(http.statusFrom("127.0.0.2", "/api/config", "Authorization", "Bearer t0ken"))
        .as("another address").isEqualTo(200);
  }

  @Test
  void withoutASecretInTheEnvironmentOneIsKeptInTheDataDirectory() throws Exception {
    WebAuthConfig auth = new WebAuthConfig("LL_TOKEN", null, null);
    start(auth);
    String cookie = cookie(http.get("/?token=t0ken"));
    Path file = dir.resolve("data").resolve(SessionSecret.FILE);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    http.close();
    start(auth); // a restart: the same secret, the same session
    assertThat(http.get("/api/config", "Cookie", cookie).statusCode()).isEqualTo(200);
  }

  @Test
  void overTlsTheCookieIsSecure() throws Exception {
    start(AUTH);
    assertThat(http.get("/?token=t0ken", "X-Forwarded-Proto", "https").cookies()).singleElement()
        .asString().containsIgnoringCase("Secure");
  }

  private HttpResponse<Buffer> signIn(String form) throws Exception {
    return http.send(HttpMethod.POST, "/login", form, "Content-Type", "application/x-www-form-urlencoded");
  }

  private int status(String sessionValue) throws Exception {
    return http.get("/api/config", "Cookie", SessionCookie.NAME + "=" + sessionValue).statusCode();
  }

  private static String cookie(HttpResponse<Buffer> response) {
    return response.cookies().get(0).split(";")[0];
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
