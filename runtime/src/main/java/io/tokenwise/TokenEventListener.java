package io.tokenwise;

/**
 * Told what happens to the tokens of a {@link TokenCache}: every token request, its outcome and
 * duration, refreshes ahead of expiry, 401 invalidations, rate limiting and remembered
 * rejections. Register one with {@link TokenCache.Builder#eventListener}.
 *
 * <p>Listeners run on Tokenwise's threads (a token request's), or on the API caller's that
 * starts a refresh ahead of expiry or is refused with a 401, in the order registered, before the
 * callers waiting for that token get it: keep them quick (count, record, hand over). An exception
 * a listener throws is logged and dropped: it never reaches a caller nor stops another listener.
 * Events carry no secret, client id or token.
 */
@FunctionalInterface
public interface TokenEventListener {
  /** One event; see the records of {@link TokenEvent}. */
  void onEvent(TokenEvent event);
}
