package dev.livelog.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session cookies: {@code v1.<user>.<expiry>.<nonce>.<mac>}, the MAC an HMAC-SHA256 over the
 * rest under a key derived from the server's session secret and the configured credentials.
 * So a cookie proves who signed in and until when without anything kept on the server; it
 * tells nothing about the password (no hash of it to guess against offline); it stops working
 * at its expiry, when the session secret changes (every session at once) or when a credential
 * changes. Signing out revokes one cookie by its nonce (remembered here until it would have
 * expired, at most {@value #MAX_REVOKED}: a process forgets them on restart, and other web
 * processes of a cluster do not know them; changing the secret ends every session everywhere).
 */
final class Sessions {
  static final int MAX_REVOKED = 10_000;
  private static final String VERSION = "v1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

  /** A valid session: who, until when (epoch milliseconds), and its nonce. */
  record Session(String user, long expiresAt, String nonce) {}

  private final byte[] key;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Long> revoked = new LinkedHashMap<>();

  /**
   * @param secret the server's session secret
   * @param credentials what the users prove they know (token, user, password): a session made
   *     under other credentials is not valid under these
   */
  Sessions(byte[] secret, byte[] credentials, Duration ttl) {
    this.key = hmac(secret, concat("livelog-session-key\n".getBytes(StandardCharsets.UTF_8),
        sha256(credentials)));
    this.ttl = ttl;
  }

  Duration ttl() {
    return ttl;
  }

  /** A new session for {@code user}, from {@code now} for the session lifetime. */
  String issue(String user, long now) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String body = VERSION + "." + B64.encodeToString(user.getBytes(StandardCharsets.UTF_8))
        + "." + (now + ttl.toMillis()) / 1000 + "." + B64.encodeToString(nonce);
    return body + "." + B64.encodeToString(hmac(key, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The session a cookie holds, or null when it is malformed, forged, expired or revoked. */
  Session verify(String cookie, long now) {
    if (cookie == null || cookie.length() > 512) {
      return null;
    }
    int lastDot = cookie.lastIndexOf('.');
    if (lastDot < 0) {
      return null;
    }
    String body = cookie.substring(0, lastDot);
    String[] parts = body.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      return null;
    }
    try {
      byte[] mac = B64_IN.decode(cookie.substring(lastDot + 1));
      if (!MessageDigest.isEqual(mac, hmac(key, body.getBytes(StandardCharsets.UTF_8)))) {
        return null;
      }
      long expiresAt = Long.parseLong(parts[2]) * 1000;
      if (expiresAt <= now || isRevoked(parts[3], now)) {
        return null;
      }
      return new Session(new String(B64_IN.decode(parts[1]), StandardCharsets.UTF_8), expiresAt, parts[3]);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /** Signs a session out: its cookie is refused from now on, here. */
  synchronized void revoke(Session session, long now) {
    revoked.values().removeIf(expiry -> expiry <= now);
    if (revoked.size() >= MAX_REVOKED) {
      Iterator<String> oldest = revoked.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    revoked.put(session.nonce(), session.expiresAt());
  }

  synchronized int revokedCount() {
    return revoked.size();
  }

  private synchronized boolean isRevoked(String nonce, long now) {
    Long expiry = revoked.get(nonce);
    return expiry != null && expiry > now;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
