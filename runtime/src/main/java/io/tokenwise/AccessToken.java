package io.tokenwise;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token, when it was requested, when it expires and the scopes it grants. {@link
 * #toString()} shows a fingerprint, never the token.
 */
public final class AccessToken {
  private final String value;
  private final Instant requestedAt;
  private final Instant expiresAt;
  private final Set<String> scopes;
  /** {@code Bearer <value>}, built once: every API call sends it. */
  final String authorization;

  private AccessToken(String value, Instant requestedAt, Instant expiresAt, Set<String> scopes) {
    this.value = value;
    this.requestedAt = requestedAt;
    this.expiresAt = expiresAt;
    this.scopes = scopes;
    this.authorization = "Bearer " + value;
  }

  /**
   * A token, for tests and custom integrations.
   *
   * @param requestedAt when the token request was sent: its lifetime counts from there
   * @throws IllegalArgumentException if the token is empty or {@code expiresAt} is not after
   *     {@code requestedAt}
   */
  public static AccessToken create(
      String value, Instant requestedAt, Instant expiresAt, Set<String> scopes) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(requestedAt, "requestedAt == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Objects.requireNonNull(scopes, "scopes == null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("token value is empty: pass the token the provider issued");
    }
    if (!expiresAt.isAfter(requestedAt)) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after requestedAt "
          + requestedAt + ": pass the instant the token stops being accepted");
    }
    return new AccessToken(value, requestedAt, expiresAt, Set.copyOf(scopes));
  }

  /** The token to send as {@code Authorization: Bearer <value>}. Never log it. */
  public String value() {
    return value;
  }

  /** When the request that obtained this token was sent. */
  public Instant requestedAt() {
    return requestedAt;
  }

  /** When the provider stops accepting this token. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The scopes granted: those the provider reported, else those requested. */
  public Set<String> scopes() {
    return scopes;
  }

  /** A short fingerprint of the token, safe to log. */
  public String fingerprint() {
    return Fingerprint.of(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken that
        && value.equals(that.value)
        && requestedAt.equals(that.requestedAt)
        && expiresAt.equals(that.expiresAt)
        && scopes.equals(that.scopes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, requestedAt, expiresAt, scopes);
  }

  @Override
  public String toString() {
    return "AccessToken{fingerprint=" + fingerprint() + ", expiresAt=" + expiresAt
        + ", scopes=" + scopes + "}";
  }
}
