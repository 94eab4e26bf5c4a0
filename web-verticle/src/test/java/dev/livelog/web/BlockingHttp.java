package dev.livelog.web;

import dev.livelog.common.config.LivelogConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Requests to a test server from the test's own thread, one at a time, with any header a
 * browser or an attacker would send ({@code Host} and {@code Origin} included).
 */
final class BlockingHttp implements AutoCloseable {
  private final Vertx vertx;
  private final WebClient client;
  // Held for the test's length: Vert.x closes a client nothing refers to when the garbage
  // collector finds it, which cut a bridge socket mid-handshake in a warm JVM.
  private final WebSocketClient webSockets;
  final int port;

  BlockingHttp(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(TestServer.HOST)
        .setDefaultPort(port).setFollowRedirects(false)
        // A connection per request: SockJS closes the connection after each XHR poll, and a
        // pooled one could be picked up just as it closes.
        .setKeepAlive(false));
    webSockets = vertx.createWebSocketClient();
  }

  /** A web verticle with {@code config} in a Vert.x of its own, closed with the client. */
  static BlockingHttp serving(LivelogConfig config, Map<String, String> env) {
    Vertx vertx = Vertx.vertx();
    try {
      WebVerticle web = TestServer.deploy(vertx, config, env)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return new BlockingHttp(vertx, web.actualPort());
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("the test server did not start", e);
    }
  }

  Vertx vertx() {
    return vertx;
  }

  /** The status of a WebSocket upgrade to the bridge: 101, or the refusal's. */
  int webSocketStatus(String... headers) throws Exception {
    try {
      webSocket(headers).close();
      return 101;
    } catch (ExecutionException e) {
      return e.getCause() instanceof UpgradeRejectedException rejected ? rejected.getStatus() : -1;
    }
  }

  /** A WebSocket to the bridge. */
  WebSocket webSocket(String... headers) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(TestServer.HOST)
        .setPort(port).setURI("/eventbus/websocket");
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return webSockets.connect(options).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * The status of a GET sent from another loopback address ({@code 127.0.0.2}, say), over a
   * plain socket: Vert.x's HTTP client does not bind a local address.
   */
  int statusFrom(String localAddress, String uri, String... headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress(TestServer.HOST, port), 5_000);
      socket.setSoTimeout(5_000);
      StringBuilder request = new StringBuilder("GET " + uri + " HTTP/1.1\r\nHost: " + TestServer.HOST
          + ":" + port + "\r\nConnection: close\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> get(String uri, String... headers) throws Exception {
    return send(HttpMethod.GET, uri, null, headers);
  }

  HttpResponse<Buffer> post(String uri, String body, String... headers) throws Exception {
    return send(HttpMethod.POST, uri, body, headers);
  }

  /** {@code headers}: name, value, name, value, ... */
  HttpResponse<Buffer> send(HttpMethod method, String uri, String body, String... headers)
      throws Exception {
    HttpRequest<Buffer> request = client.request(method, uri);
    MultiMap map = request.headers();
    for (int i = 0; i < headers.length; i += 2) {
      map.set(headers[i], headers[i + 1]);
    }
    Future<HttpResponse<Buffer>> response = body == null ? request.send()
        : request.sendBuffer(Buffer.buffer(body));
    return response.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
