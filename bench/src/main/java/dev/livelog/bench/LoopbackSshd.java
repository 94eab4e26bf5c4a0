package dev.livelog.bench;

import dev.livelog.source.ssh.LoopbackSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * An SSH server on 127.0.0.1 for the benchmark when OpenSSH's sshd is not installed: the
 * tests' MINA SSHD server (commands run by /bin/sh as OpenSSH would). Writes the client key and
 * known_hosts into DIR, prints the port, and serves until killed.
 * Usage: LoopbackSshd DIR
 */
public final class LoopbackSshd {
  private LoopbackSshd() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    KeyPair user = LoopbackSshServer.newKeyPair();
    LoopbackSshServer server = new LoopbackSshServer(LoopbackSshServer.newKeyPair())
        .authorize(user.getPublic()).start();
    LoopbackSshServer.writeIdentity(dir.resolve("id_bench"), user, null);
    server.writeKnownHosts(dir.resolve("known_hosts"));
    Files.writeString(dir.resolve("port"), Integer.toString(server.port()));
    System.out.println(server.port());
    Thread.currentThread().join();
  }
}
