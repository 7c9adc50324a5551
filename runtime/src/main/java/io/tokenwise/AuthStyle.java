package io.tokenwise;

/** How the client credentials travel in the token request. */
public enum AuthStyle {
  /** The provider's own documented style (required to be explicit for {@link Provider#CUSTOM}). */
  DEFAULT,
  /**
   * Form body {@code grant_type=client_credentials&client_id=...&client_secret=...}, plus
   * {@code scope} when scopes are declared (RFC 6749 section 2.3.1, second form).
   */
  CLIENT_SECRET_POST,
  /**
   * {@code Authorization: Basic} header with the form-encoded id and secret (RFC 6749 section
   * 2.3.1), form body {@code grant_type=client_credentials} plus {@code scope} when declared.
   */
  CLIENT_SECRET_BASIC,
  /** JSON body {@code {"api_key", "client_secret"}}, as Papaya Global documents it. */
  JSON_API_KEY
}
