package io.tokenwise;

import java.util.concurrent.CompletableFuture;

/** Obtains one new token. */
interface TokenFetcher {
  /**
   * Starts one token request and returns at once. The future completes with the token or a
   * typed {@link TokenException}; cancelling it abandons the request (the HTTP fetcher cancels
   * its call), which is how the cache enforces a token request's deadline.
   */
  CompletableFuture<AccessToken> fetch();

  /**
   * {@link #fetch()}, told which token the new one replaces (null: none) and whether an API
   * refused it (a 401), so that a fleet's store does not answer with the very token refused.
   */
  default CompletableFuture<AccessToken> fetch(AccessToken replacing, boolean refused) {
    return fetch();
  }

  /** How its requests reach the token endpoint: part of the key of the entry it fetches for. */
  default FetchTransport transport() {
    return FetchTransport.NONE;
  }
}
