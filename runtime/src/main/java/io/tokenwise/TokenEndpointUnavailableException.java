package io.tokenwise;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The token endpoint could not be reached or kept failing (408, 429, 5xx, I/O errors, or no answer
 * in time) after Tokenwise's retries, and no usable token was cached.
 */
public final class TokenEndpointUnavailableException extends TokenException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final Duration retryAfter;

  TokenEndpointUnavailableException(
      Provider provider, String message, int status, Duration retryAfter, Throwable cause) {
    super(provider, message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  @Override
  TokenEndpointUnavailableException forCaller() {
    return new TokenEndpointUnavailableException(provider(), getMessage(), status, retryAfter, this);
  }

  /** The last HTTP status, or empty when the last attempt failed without one (I/O, timeout). */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The provider's {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
