package io.tokenwise;

/**
 * The token endpoint answered, but not with a usable token: not JSON, no token, a bad expiry, a
 * token type other than bearer, a redirect (never followed: it would resend the secret), or an
 * unexpected status. Carries a short excerpt of the body with tokens and secrets masked.
 *
 * <p>It is also the one type for "Tokenwise itself failed" (a bug, not a response): status 0, no
 * excerpt, and a message that names the failure's type and asks for a report.
 */
public final class TokenResponseException extends TokenException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String bodyExcerpt;

  TokenResponseException(Provider provider, String message, int status, String bodyExcerpt) {
    this(provider, message, status, bodyExcerpt, null);
  }

  private TokenResponseException(
      Provider provider, String message, int status, String bodyExcerpt, Throwable cause) {
    super(provider, message, cause);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * Tokenwise itself failed with {@code bug} while getting or dropping a {@code provider} token.
   * The message names the bug's type only: its own message might quote a response. {@code cause}
   * is attached where it quotes nothing, else null.
   */
  static TokenResponseException internalFailure(Provider provider, Throwable bug,
      Throwable cause) {
    return new TokenResponseException(provider, provider + " token request failed inside"
        + " Tokenwise (" + bug.getClass().getName() + "): please report this to Tokenwise", 0, "",
        cause);
  }

  @Override
  TokenResponseException forCaller() {
    return new TokenResponseException(provider(), getMessage(), status, bodyExcerpt, this);
  }

  /** The HTTP status of the unusable answer. */
  public int status() {
    return status;
  }

  /** At most a few hundred characters of the body, tokens and secrets masked; may be empty. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
