package io.tokenwise;

import java.util.Optional;

/**
 * The token endpoint refused the request with 400, 401 or 403: the credentials, scopes or
 * environment are wrong. Not retried (bad credentials do not heal); the refusal is remembered
 * briefly so that a wrong secret does not hammer the endpoint.
 */
public final class TokenRejectedException extends TokenException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final String errorMessage;

  TokenRejectedException(
      Provider provider, String message, int status, String errorCode, String errorMessage) {
    this(provider, message, status, errorCode, errorMessage, null);
  }

  private TokenRejectedException(Provider provider, String message, int status, String errorCode,
      String errorMessage, Throwable cause) {
    super(provider, message, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  @Override
  TokenRejectedException forCaller() {
    return new TokenRejectedException(provider(), getMessage(), status, errorCode, errorMessage,
        this);
  }

  /** The HTTP status: 400, 401 or 403. */
  public int status() {
    return status;
  }

  /**
   * The provider's error code: OAuth2 {@code error}, Mangopay {@code Type}, Paysway {@code code}.
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The provider's error message: OAuth2 {@code error_description}, Mangopay {@code Message},
   * Paysway {@code message}, Papaya {@code error}; with anything secret cut out.
   */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }
}
