package io.tokenwise;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to the token of one key, as a {@link TokenEventListener} and JFR see
 * it. Every event names the provider, the environment of the client that first used the key,
 * and the key's fingerprint: a short hash for telling keys apart on a dashboard, never a secret,
 * client id or token (those appear in no event).
 *
 * <p>Times come from the cache's clock; durations are measured on it.
 */
public sealed interface TokenEvent {
  /** The provider whose token endpoint this is about. */
  Provider provider();

  /** The environment of the client that first used this key. */
  Env env();

  /** The key's fingerprint, for display only (docs/DESIGN.md, "The cache key"). */
  String keyFingerprint();

  /** When it happened, on the cache's clock. */
  Instant at();

  /**
   * A token request was sent.
   *
   * @param attempt 1 for a flight's first request, 2 for its first retry, ...
   */
  record FetchStarted(Provider provider, Env env, String keyFingerprint, Instant at, int attempt)
      implements TokenEvent {}

  /**
   * A token request got a usable token.
   *
   * @param attempt which request of the flight it was
   * @param duration from sending the request to reading the token
   * @param expiresAt when the new token expires
   */
  record FetchSucceeded(Provider provider, Env env, String keyFingerprint, Instant at, int attempt,
      Duration duration, Instant expiresAt) implements TokenEvent {}

  /**
   * A token request failed.
   *
   * @param attempt which request of the flight it was
   * @param duration from sending the request to its failure
   * @param status the HTTP status, 0 when there was none (I/O error, timeout, unusable 2xx)
   * @param errorType the simple name of the {@link TokenException} type, such as {@code
   *     TokenRejectedException}: callers waiting for this request get one of that type
   * @param retryAfter the provider's {@code Retry-After}, when it sent one
   * @param retrying true when Tokenwise will send another request for this flight
   */
  record FetchFailed(Provider provider, Env env, String keyFingerprint, Instant at, int attempt,
      Duration duration, int status, String errorType, Optional<Duration> retryAfter,
      boolean retrying) implements TokenEvent {
    /** Checks the components. */
    public FetchFailed {
      Objects.requireNonNull(errorType, "errorType == null");
      Objects.requireNonNull(retryAfter, "retryAfter == null");
    }
  }

  /**
   * The token passed its refresh point: one background request starts while callers keep the
   * current token.
   *
   * @param expiresAt when the token still in use expires
   */
  record RefreshAhead(Provider provider, Env env, String keyFingerprint, Instant at,
      Instant expiresAt) implements TokenEvent {}

  /**
   * A refresh failed and will be retried, while callers keep getting the current, still usable
   * token.
   *
   * @param expiresAt when the token still in use expires
   */
  record ServedWhileRefreshFails(Provider provider, Env env, String keyFingerprint, Instant at,
      Instant expiresAt) implements TokenEvent {}

  /**
   * An API call answered 401.
   *
   * @param current true when the refused token was the cached one, which is now dropped and
   *     replaced; false when it had already been replaced (a stale token: the call is retried
   *     with the new one, nothing is dropped)
   */
  record Invalidated(Provider provider, Env env, String keyFingerprint, Instant at,
      boolean current) implements TokenEvent {}

  /**
   * Tokenwise held back a token request of this key.
   *
   * @param reason which limit
   * @param delay how long the request waits; zero for {@link Reason#FORCED_REFRESH_INTERVAL},
   *     whose 401 goes to the caller instead
   */
  record RateLimited(Provider provider, Env env, String keyFingerprint, Instant at, Reason reason,
      Duration delay) implements TokenEvent {
    /** Which limit held a request back. */
    public enum Reason {
      /** At most one token request per key per {@code TokenCache.minRequestInterval}. */
      MIN_REQUEST_INTERVAL,
      /**
       * A 401 came within {@code TokenCache.forcedRefreshInterval} of the last 401-forced refresh:
       * a fresh token was refused too, so no new one is fetched and the 401 goes to the caller.
       */
      FORCED_REFRESH_INTERVAL
    }
  }

  /**
   * The token endpoint refused the credentials (400, 401, 403): not retried, and answered from
   * memory for {@code memory}.
   *
   * @param status the HTTP status
   * @param errorType the simple name of the exception type callers get
   * @param memory how long callers get the remembered rejection without a new request
   */
  record RejectionRemembered(Provider provider, Env env, String keyFingerprint, Instant at,
      int status, String errorType, Duration memory) implements TokenEvent {}
}
