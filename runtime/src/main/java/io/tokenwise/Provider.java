package io.tokenwise;

/**
 * The token providers Tokenwise speaks to, each with the auth style its documentation prescribes.
 *
 * <p>Every provider but {@link #CUSTOM} comes with its token URL, API base URL and auth style built
 * in; {@code CUSTOM} is any OAuth2 client-credentials server and needs {@link TokenEndpoint#tokenUrl()}
 * and {@link TokenEndpoint#authStyle()}.
 */
public enum Provider {
  /** Paxos: form credentials plus space-delimited scopes. */
  PAXOS,
  /** Mangopay: HTTP Basic {@code ClientId:ApiKey}; API paths carry the client id. */
  MANGOPAY,
  /** Paysway: form credentials, no scopes. */
  PAYSWAY,
  /** Papaya Global: a JSON body with {@code api_key} and {@code client_secret}. */
  PAPAYA_GLOBAL,
  /** Any other OAuth2 client-credentials server; requires a token URL and an auth style. */
  CUSTOM
}
