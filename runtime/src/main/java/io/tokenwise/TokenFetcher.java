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
   * {@link #fetch()}, told which token the new one replaces (null: none), so that a fleet's store
   * is not answered with the very token being replaced.
   */
  default CompletableFuture<AccessToken> fetch(AccessToken replacing) {
    return fetch();
  }
}
