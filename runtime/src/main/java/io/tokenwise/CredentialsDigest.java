package io.tokenwise;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What tells two credentials apart in a {@link TokenKey}: an HMAC-SHA256 of the client id and
 * secret under a key drawn at random for this process, compared in full and in constant time.
 * A short fingerprint collides in tens of thousands of tries, and one read from a log can be
 * matched; this digest cannot be forged, is useless outside this process (neither reversible
 * offline nor comparable with another process's) and is never shown. The fingerprint it carries
 * is for display only.
 */
final class CredentialsDigest {
  private static final SecretKeySpec PROCESS_KEY = new SecretKeySpec(randomKey(), "HmacSHA256");

  private final byte[] mac;
  private final int hash;
  private final String fingerprint;

  private CredentialsDigest(byte[] mac, String fingerprint) {
    this.mac = mac;
    this.hash = ByteBuffer.wrap(mac).getInt();
    this.fingerprint = fingerprint;
  }

  static CredentialsDigest of(ClientCredentials credentials) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(PROCESS_KEY);
      byte[] clientId = credentials.clientId().getBytes(StandardCharsets.UTF_8);
      // Length first, so that ("ab", "c") and ("a", "bc") differ.
      hmac.update(ByteBuffer.allocate(Integer.BYTES).putInt(clientId.length).array());
      hmac.update(clientId);
      hmac.update(credentials.secret().getBytes(StandardCharsets.UTF_8));
      return new CredentialsDigest(hmac.doFinal(), credentials.fingerprint());
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK has HmacSHA256", e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** The credentials' short fingerprint: for logs, never for telling credentials apart. */
  String fingerprint() {
    return fingerprint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CredentialsDigest that && MessageDigest.isEqual(mac, that.mac);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "CredentialsDigest{fingerprint=" + fingerprint + "}";
  }
}
