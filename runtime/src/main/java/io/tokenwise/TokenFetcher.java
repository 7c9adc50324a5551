package io.tokenwise;

/** Obtains one new token, blocking; every failure is a typed {@link TokenException}. */
interface TokenFetcher {
  AccessToken fetch() throws TokenException;
}
