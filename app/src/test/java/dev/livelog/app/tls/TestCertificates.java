package dev.livelog.app.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates made by the test itself (BouncyCastle, already on the classpath through sshj):
 * a certificate authority, certificates it signs, self-signed ones, written as the PEM files
 * livelog reads ({@code web.tls}, {@code cluster.tls}).
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A certificate and its private key, and where both were written. */
  public record Issued(X509Certificate certificate, KeyPair keys, Path certFile, Path keyFile) {
    /** What Chromium's --ignore-certificate-errors-spki-list takes: SHA-256 of the public key, base64. */
    public String spkiSha256() throws Exception {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
    }
  }

  private TestCertificates() {}

  /** A certificate authority, written to {@code dir/name.crt} and {@code dir/name.key}. */
  public static Issued authority(Path dir, String name) throws Exception {
    KeyPair keys = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder builder = builder(subject, subject, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return write(dir, name, sign(builder, keys), keys);
  }

  /** A certificate for {@code name} (and the addresses/host names given) signed by {@code ca}. */
  public static Issued signedBy(Issued ca, Path dir, String name, String... subjectAltNames) throws Exception {
    KeyPair keys = keyPair();
    X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
    X509v3CertificateBuilder builder = withNames(builder(issuer, new X500Name("CN=" + name), keys),
        subjectAltNames);
    return write(dir, name, sign(builder, ca.keys()), keys);
  }

  /** A self-signed certificate for the given addresses and host names. */
  public static Issued selfSigned(Path dir, String name, String... subjectAltNames) throws Exception {
    KeyPair keys = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    return write(dir, name, sign(withNames(builder(subject, subject, keys), subjectAltNames), keys), keys);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
        subject, keys.getPublic());
  }

  private static X509v3CertificateBuilder withNames(X509v3CertificateBuilder builder,
      String... names) throws IOException {
    if (names.length == 0) {
      return builder;
    }
    List<GeneralName> general = new ArrayList<>();
    for (String n : names) {
      general.add(n.matches("[0-9.]+|.*:.*") ? new GeneralName(GeneralName.iPAddress, n)
          : new GeneralName(GeneralName.dNSName, n));
    }
    return builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(general.toArray(GeneralName[]::new)));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static Issued write(Path dir, String name, X509Certificate certificate, KeyPair keys) throws IOException {
    Files.createDirectories(dir);
    Path cert = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    Files.writeString(cert, pem(certificate));
    Files.writeString(key, pem(new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded())));
    return new Issued(certificate, keys, cert, key);
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
