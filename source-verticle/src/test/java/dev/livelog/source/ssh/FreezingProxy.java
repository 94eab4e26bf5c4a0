package dev.livelog.source.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 that can freeze: it stops forwarding without closing anything, as
 * a peer that lost power or a dropped network path would look. Only keepalives notice that.
 */
public final class FreezingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;

  public FreezingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public void freeze() {
    frozen = true;
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        relay(client.getInputStream(), upstream.getOutputStream());
        relay(upstream.getInputStream(), client.getOutputStream());
      }
    } catch (IOException e) {
      // Closed.
    }
  }

  private void relay(InputStream from, OutputStream to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try {
        int n;
        while ((n = from.read(buf)) >= 0) {
          while (frozen) {
            Thread.sleep(50);
          }
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException | InterruptedException e) {
        // Closed.
      }
    }, "proxy-relay");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
