package io.tokenwise;

import java.time.Duration;
import java.util.List;

/**
 * What makes two clients share a token: token URL, auth style, client id and scopes
 * (docs/DESIGN.md, "The cache key"), plus the secret, so that a client with a wrong secret cannot
 * get, or poison, the entry of one with the right secret, and the transport, so that a client
 * never fetches through another's TLS. Client id and secret are held only as a full-strength
 * {@link CredentialsDigest}: the key holds no secret, and no short fingerprint decides.
 */
record TokenKey(
    String tokenUrl,
    AuthStyle style,
    CredentialsDigest credentials,
    List<String> scopes,
    String tokenName,
    Duration expiration,
    FetchTransport transport) {

  /** A short fingerprint for logs, display only: the client id may itself be an API key (Papaya). */
  String fingerprint() {
    return Fingerprint.of(String.join("\u0000", tokenUrl, style.name(), credentials.fingerprint(),
        String.valueOf(scopes), String.valueOf(tokenName), String.valueOf(expiration)));
  }

  @Override
  public String toString() {
    // No URL: a user:password or query in it would be a secret.
    return "TokenKey{fingerprint=" + fingerprint() + ", " + style + ", scopes=" + scopes + "}";
  }
}
