package dev.livelog.source.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** A host key as OpenSSH shows it: {@code ssh-ed25519 SHA256:base64}. */
final class HostKeyFingerprint {
  private HostKeyFingerprint() {}

  static String of(PublicKey key) {
    return KeyType.fromKey(key) + " " + sha256(new Buffer.PlainBuffer().putPublicKey(key)
        .getCompactData());
  }

  /** The SHA256 fingerprint of a key blob (as stored base64 in known_hosts). */
  static String sha256(byte[] blob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
