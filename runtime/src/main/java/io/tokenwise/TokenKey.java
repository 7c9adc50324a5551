package io.tokenwise;

import java.time.Duration;
import java.util.List;

/**
 * What makes two clients share a token: token URL, auth style, client id and scopes (DESIGN.md),
 * plus a fingerprint of the secret so that a client with a wrong secret cannot poison the entry of
 * one with the right secret. Holds no secret.
 */
record TokenKey(
    String tokenUrl,
    AuthStyle style,
    String clientId,
    String secretFingerprint,
    List<String> scopes,
    String tokenName,
    Duration expiration) {

  /** A short fingerprint for logs: the client id may itself be an API key (Papaya). */
  String fingerprint() {
    return Fingerprint.of(String.join("\u0000", tokenUrl, style.name(), clientId,
        secretFingerprint, String.valueOf(scopes), String.valueOf(tokenName),
        String.valueOf(expiration)));
  }

  @Override
  public String toString() {
    // No URL: a user:password or query in it would be a secret.
    return "TokenKey{fingerprint=" + fingerprint() + ", " + style + ", scopes=" + scopes + "}";
  }
}
