package dev.livelog.source.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's host key against an OpenSSH {@code known_hosts} file (plain or hashed
 * names, {@code [host]:port} for other ports), read afresh at each connection so an edit takes
 * effect at the next reconnect. A known key passes; a changed key is always refused; an
 * unknown key is refused, or recorded with {@code accept-new} (as OpenSSH's
 * {@code StrictHostKeyChecking=accept-new}). There is no accept-all.
 *
 * <p>A refusal is kept as a message naming the host and the fingerprint, for the error the
 * connection fails with ({@link #refusal()}).
 */
public final class KnownHostsVerifier implements HostKeyVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);
  /** Sources of one JVM share known_hosts files: one writer at a time per file. */
  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final String hostLabel;
  private final Path file;
  private final boolean acceptNew;
  private volatile String refusal;

  public KnownHostsVerifier(String hostLabel, Path file, boolean acceptNew) {
    this.hostLabel = hostLabel;
    this.file = file.toAbsolutePath().normalize();
    this.acceptNew = acceptNew;
  }

  /** Why the last key was refused, or null. */
  public String refusal() {
    return refusal;
  }

  @Override
  public boolean verify(String hostname, int port, PublicKey key) {
    synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
      try {
        return decide(hostname, port, key);
      } catch (IOException | RuntimeException e) {
        refusal = hostLabel + ": cannot check the host key against " + file + ": " + e.getMessage();
        return false;
      }
    }
  }

  private boolean decide(String hostname, int port, PublicKey key) throws IOException {
    String name = knownHostsName(hostname, port);
    Outcome outcome = new Outcome(file);
    if (outcome.verify(hostname, port, key)) {
      return true;
    }
    String offered = HostKeyFingerprint.of(key);
    if (outcome.changed) {
      refusal = "HOST KEY CHANGED for " + hostLabel + " (" + name + "): the server offers "
          + offered + " but " + file + " has " + String.join(", ", outcome.knownFingerprints(name))
          + "; someone may be intercepting the connection, or the server was reinstalled. If the"
          + " change is expected, remove the old entry: ssh-keygen -R '" + name + "' -f " + file;
      return false;
    }
    if (!acceptNew) {
      refusal = "unknown host key for " + hostLabel + " (" + name + "): " + offered + " is not in "
          + file + (Files.exists(file) ? "" : " (no such file)") + ". Check the fingerprint with"
          + " the server's administrator, then add it (ssh-keyscan" + (port == 22 ? "" : " -p " + port)
          + " " + hostname + " >> " + file + ") or set host_key_policy: accept-new for this host";
      return false;
    }
    record(outcome, name, key);
    LOG.warn("{}: recorded the new host key {} for {} in {} (host_key_policy: accept-new)",
        hostLabel, offered, name, file);
    return true;
  }

  private void record(Outcome known, String name, PublicKey key) throws IOException {
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    known.write(new OpenSSHKnownHosts.HostEntry(null, name, KeyType.fromKey(key), key));
  }

  @Override
  public List<String> findExistingAlgorithms(String hostname, int port) {
    try {
      return new OpenSSHKnownHosts(file.toFile()).findExistingAlgorithms(hostname, port);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The name OpenSSH writes in known_hosts: the host, or {@code [host]:port}. */
  static String knownHostsName(String hostname, int port) {
    String lower = hostname.toLowerCase(java.util.Locale.ROOT);
    return port == 22 ? lower : "[" + lower + "]:" + port;
  }

  /** sshj's known_hosts reader, telling a changed key from an unknown one. */
  private static final class Outcome extends OpenSSHKnownHosts {
    boolean changed;

    Outcome(Path file) throws IOException {
      super(file.toFile());
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
      changed = true;
      return false;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      return false;
    }

    List<String> knownFingerprints(String name) {
      List<String> out = new ArrayList<>();
      for (KnownHostEntry e : entries()) {
        try {
          if (e.appliesTo(name)) {
            String[] f = e.getLine().trim().split("\\s+");
            int i = f[0].startsWith("@") ? 1 : 0;
            out.add(f[i + 1] + " " + HostKeyFingerprint.sha256(Base64.getDecoder().decode(f[i + 2])));
          }
        } catch (IOException | RuntimeException ignored) {
          // An unreadable line says nothing about this host.
        }
      }
      return out;
    }
  }
}
