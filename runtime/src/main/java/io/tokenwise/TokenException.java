package io.tokenwise;

import java.io.IOException;
import java.util.Objects;

/**
 * A token could not be obtained. An {@link IOException}, so it reaches {@code Call.execute()} and
 * {@code Callback.onFailure} like any network failure. Messages never contain a secret or token.
 *
 * <p>Each cause has its subclass: {@link TokenRejectedException}, {@link
 * TokenEndpointUnavailableException}, {@link TokenResponseException} and {@link
 * InsufficientScopeException}; a failure inside Tokenwise itself is a {@link
 * TokenResponseException} with status 0 whose message asks for a report. The hierarchy is sealed:
 * callers may switch over it, and no other code adds causes to it.
 */
public sealed class TokenException extends IOException permits TokenRejectedException,
    TokenEndpointUnavailableException, TokenResponseException, InsufficientScopeException {
  private static final long serialVersionUID = 1L;

  private final Provider provider;

  TokenException(Provider provider, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message == null"), cause);
    this.provider = Objects.requireNonNull(provider, "provider == null");
  }

  /**
   * This failure as thrown to one caller: the same type, message and fields, with this caller's
   * stack, and the failure as it happened (shared by every caller) as its cause. Several callers
   * share one token request; each gets its own instance, so none sees another's frames, and
   * nobody's {@code addSuppressed} or {@code initCause} reaches the others.
   */
  TokenException forCaller() {
    return new TokenException(provider, getMessage(), this);
  }

  /** The provider whose token endpoint failed. */
  public Provider provider() {
    return provider;
  }
}
