package io.tokenwise;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * The token of one key and the policy of docs/DESIGN.md's "Token lifecycle": a lock-free read of
 * an immutable {@link State}, one {@link Flight} at a time, refresh ahead in the background, a
 * deadline on every token request, a rate limit, backoff with full jitter, remembered rejections
 * and compare-and-invalidate on 401.
 */
final class TokenEntry {
  private static final System.Logger LOG = System.getLogger("io.tokenwise.TokenCache");
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(TokenEntry.class, "state", State.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Without a usable token, give up after this many failed attempts (callers are waiting). */
  static final int ATTEMPTS_WITHOUT_TOKEN = 3;
  private static final long BASE_BACKOFF_MILLIS = 1_000;
  private static final long MAX_RETRY_AFTER_MILLIS = Duration.ofMinutes(10).toMillis();
  /**
   * How often a waiting caller looks whether its OkHttp call was cancelled: OkHttp tells nobody,
   * and its call timeout ends in a cancel too. A caller waits this much longer at most.
   */
  private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final TokenCache.Settings settings;
  private final Clock clock;
  private final Provider provider;
  final TokenFetcher fetcher;
  private final String keyFingerprint;
  private final Env env;
  /** Observability: every {@code events.} call below is a hook of docs/DESIGN.md's events. */
  private final TokenEvents events;

  private volatile State state = State.EMPTY;
  private final AtomicReference<Flight> flight = new AtomicReference<>();
  private volatile long lastRequestAt = Long.MIN_VALUE / 2;
  private volatile long lastForcedAt = Long.MIN_VALUE / 2;
  private volatile long latencyMillis;

  /** Callers that had to wait for a token: observable behaviour for tests. */
  final LongAdder waits = new LongAdder();

  TokenEntry(TokenCache.Settings settings, TokenKey key, Provider provider, Env env,
      TokenFetcher fetcher) {
    this.settings = settings;
    this.clock = settings.clock();
    this.provider = provider;
    this.fetcher = fetcher;
    this.keyFingerprint = key.fingerprint();
    this.env = env;
    this.events = new TokenEvents(settings.listeners(), clock, provider, env, keyFingerprint);
  }

  /** A token usable now, for a caller outside an OkHttp call. */
  AccessToken token() throws IOException {
    return tokenFor(null);
  }

  /**
   * A token usable now. The hot path is one volatile read and one clock read; past the refresh
   * point it also starts one background refresh and still returns the current token. Without a
   * usable token the caller waits, until its {@code call} (null outside one) is cancelled or
   * times out at the latest.
   */
  AccessToken tokenFor(Call call) throws IOException {
    State s = state;
    long now = clock.millis();
    if (now < s.usableUntil) {
      if (now >= s.refreshAt && flight.get() == null) {
        refreshAhead(s);
      }
      return s.token;
    }
    return awaitToken(call);
  }

  private void refreshAhead(State s) {
    Flight mine = new Flight();
    if (flight.compareAndSet(null, mine)) {
      events.refreshAhead(s.token); // observability hook
      log(Level.DEBUG, () -> "refreshing ahead of expiry; token " + s.token.fingerprint()
          + " stays in use for " + (s.usableUntil - clock.millis()) + " ms");
      mine.start();
    }
  }

  private AccessToken awaitToken(Call call) throws IOException {
    waits.increment();
    for (; ; ) {
      Flight current = flight.get();
      if (current == null) {
        // A flight installs its state before it leaves, so this read sees its result.
        State s = state;
        long now = clock.millis();
        if (now < s.usableUntil) {
          return s.token;
        }
        if (s.failure != null && now < s.failureUntil) {
          throw s.failure.forCaller();
        }
        Flight mine = new Flight();
        if (!flight.compareAndSet(null, mine)) {
          continue;
        }
        mine.start();
        current = mine;
      }
      return current.await(call);
    }
  }

  /**
   * Called when an API call answered 401 with {@code rejected}. Returns true when the caller
   * should retry once with {@link #tokenFor}: the token was already replaced, or it is the current
   * one and no other 401 forced a refresh within the forced-refresh interval.
   */
  boolean invalidate(AccessToken rejected) {
    for (; ; ) {
      State s = state;
      // By value: a fleet's store hands out the same token as another object.
      if (s.token == null || !s.token.value().equals(rejected.value()) || s.invalidated) {
        events.invalidated(false); // observability hook: a stale token
        return true; // Already replaced, or already being replaced: retry with the new one.
      }
      long now = clock.millis();
      long sinceForced = now - lastForcedAt;
      if (sinceForced < settings.forcedRefreshIntervalMillis()) {
        // A fresh token was refused too: the problem is not expiry.
        events.rateLimited(TokenEvent.RateLimited.Reason.FORCED_REFRESH_INTERVAL, 0); // hook
        log(Level.DEBUG, () -> "token " + rejected.fingerprint() + " refused with 401 only "
            + sinceForced + " ms after the last forced refresh; the 401 goes to the caller");
        return false;
      }
      if (STATE.compareAndSet(this, s, s.asInvalidated())) {
        lastForcedAt = now;
        events.invalidated(true); // observability hook: the current token
        log(Level.INFO, () -> "token " + rejected.fingerprint() + " refused with 401 and"
            + " invalidated " + (s.expiresAt() - now) + " ms before its expiry; fetching a new one");
        return true;
      }
    }
  }

  /** True while a token request (or its retries) is under way. */
  boolean refreshing() {
    return flight.get() != null;
  }

  /** The token held now, for {@link TokenCache#tokens()}; null when none. */
  CachedToken cachedToken() {
    State s = state;
    if (s.token == null || s.invalidated) {
      return null;
    }
    return new CachedToken(provider, env, keyFingerprint, s.token.expiresAt(),
        Instant.ofEpochMilli(s.usableUntil));
  }

  /** Drops the token and any remembered failure. */
  void forget() {
    State s = state;
    state = State.EMPTY;
    if (s.token != null) {
      log(Level.DEBUG, () -> "token " + s.token.fingerprint() + " dropped by invalidateAll()");
    }
  }

  /**
   * Every lifecycle message: provider, key fingerprint and timings, and token fingerprints. Never
   * a token, secret or client id (a Papaya client id is an API key); exception messages are
   * redacted where they are made, and exceptions are never passed (a cause's text is not ours).
   */
  private void log(Level level, Supplier<String> message) {
    if (LOG.isLoggable(level)) {
      LOG.log(level, provider + " [key " + keyFingerprint + "] " + message.get());
    }
  }

  /**
   * One token request and its retries, shared by everyone who needs its result. Its attempts
   * run one after another: each starts from the end of the previous one (a scheduled retry).
   */
  private final class Flight {
    private final CompletableFuture<AccessToken> result = new CompletableFuture<>();
    private int failures; // touched by one attempt at a time
    private int attempts; // likewise
    private boolean askedAgain; // likewise: whether an answer was the refused token
    private volatile long nextAttemptAt;
    private volatile TokenException lastFailure;

    void start() {
      scheduleAttempt(0);
    }

    /** Not sooner than {@code delay}, the rate limit, and a remembered failure allow. */
    private void scheduleAttempt(long delay) {
      long now = clock.millis();
      State s = state;
      long limited = lastRequestAt + settings.minRequestIntervalMillis() - (now + delay);
      long at = now + delay + Math.max(0, limited);
      if (s.failure != null) {
        at = Math.max(at, s.failureUntil);
      }
      nextAttemptAt = at;
      if (at <= now) {
        settings.scheduler().execute(this::attempt);
      } else {
        settings.scheduler().schedule(this::attempt, at - now);
      }
      if (limited > 0) { // observability hook: the rate limit holds this attempt back
        events.rateLimited(TokenEvent.RateLimited.Reason.MIN_REQUEST_INTERVAL, limited);
      }
    }

    /**
     * Sends one token request without waiting for it. Whatever its answer, and at the latest at
     * its deadline (when it is cancelled, as OkHttp's call timeout would, but on the cache's
     * clock), the answer ends up in {@link #onAnswer}.
     */
    private void attempt() {
      long sentAt = clock.millis();
      lastRequestAt = sentAt;
      events.fetchStarted(++attempts); // observability hook
      CompletableFuture<AccessToken> answer;
      try {
        State current = state;
        answer = fetcher.fetch(current.token, current.invalidated);
      } catch (Throwable t) {
        answer = CompletableFuture.failedFuture(t);
      }
      if (!answer.isDone()) {
        CompletableFuture<AccessToken> pending = answer;
        Scheduler.Timer deadline = settings.scheduler()
            .schedule(() -> pending.cancel(false), settings.tokenRequestTimeoutMillis());
        pending.whenComplete((token, failure) -> deadline.cancel());
      }
      answer.whenComplete((token, failure) -> onAnswer(sentAt, token, failure));
    }

    /** Whatever goes wrong here, the flight ends: its waiters would otherwise wait for good. */
    private void onAnswer(long sentAt, AccessToken token, Throwable failure) {
      try {
        if (failure == null) {
          onToken(sentAt, token);
        } else {
          onFailure(typed(failure));
        }
      } catch (Throwable t) {
        if (!result.isDone()) {
          TokenException internal = internalFailure(t);
          events.fetchFailed(attempts, clock.millis() - sentAt, internal, false); // hook
          fail(internal, clock.millis() + settings.rejectionMemoryMillis());
        }
      }
    }

    private void onToken(long sentAt, AccessToken token) {
      State refused = state;
      if (!askedAgain && refused.invalidated && refused.token != null
          && refused.token.value().equals(token.value())) {
        // An API refused this very token while we asked (a fleet's store can hand it back): ask
        // again, now as refused. Once: an endpoint that re-issues a refused token gets its way.
        askedAgain = true;
        settings.scheduler().execute(this::attempt);
        return;
      }
      long latency = Math.max(0, clock.millis() - sentAt);
      latencyMillis = latencyMillis == 0 ? latency : (latencyMillis + latency) / 2;
      State previous = state;
      State next = State.of(token, latencyMillis, settings.random().nextDouble());
      state = next;
      events.fetchSucceeded(attempts, latency, token); // hook: before the waiters get the token
      flight.set(null);
      result.complete(token);
      int failed = failures;
      log(Level.DEBUG, () -> (previous.token == null || previous.invalidated
              ? "fetched token " + token.fingerprint()
              : "refreshed token " + previous.token.fingerprint() + " -> " + token.fingerprint()
                  + (sentAt < previous.usableUntil ? "" : " after it went out of use"))
          + " in " + latency + " ms" + (failed == 0 ? "" : " after " + failed + " failed requests")
          + "; lifetime " + (next.expiresAt() - token.requestedAt().toEpochMilli())
          + " ms, refresh in " + (next.refreshAt - sentAt) + " ms, usable for "
          + (next.usableUntil - sentAt) + " ms");
    }

    /** A fetcher's failure as the typed exception its waiters get. */
    private TokenException typed(Throwable failure) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (cause instanceof TokenException e) {
        return e;
      }
      if (cause instanceof CancellationException) {
        return new TokenEndpointUnavailableException(provider, provider + " token endpoint did"
            + " not answer within " + settings.tokenRequestTimeoutMillis() + " ms; the request was"
            + " cancelled and Tokenwise retries with backoff (TokenCache.tokenRequestTimeout)", 0,
            null, null);
      }
      return internalFailure(cause);
    }

    /**
     * A bug must not strand the waiters: it becomes their typed failure. Its message is not
     * logged: it might quote a response.
     */
    private TokenException internalFailure(Throwable t) {
      if (t instanceof LinkageError linkage) {
        // A class path at odds with Tokenwise's OkHttp, not a Tokenwise bug.
        return new TokenResponseException(provider, ClassPathCheck.explain(provider, linkage), 0,
            "");
      }
      log(Level.ERROR, () -> "token request failed inside Tokenwise: " + t.getClass().getName()
          + " at " + (t.getStackTrace().length == 0 ? "?" : t.getStackTrace()[0])
          + "; please report this to Tokenwise");
      return TokenResponseException.internalFailure(provider, t, null);
    }

    private void onFailure(TokenException e) {
      lastFailure = e;
      long now = clock.millis();
      long latency = Math.max(0, now - lastRequestAt);
      if (!isRetriable(e)) {
        events.fetchFailed(attempts, latency, e, false); // observability hooks
        events.rejectionRemembered(e, settings.rejectionMemoryMillis());
        log(Level.WARNING, () -> "token request rejected after " + latency + " ms, not retried;"
            + " answering from memory for " + settings.rejectionMemoryMillis() + " ms: "
            + e.getMessage());
        fail(e, now + settings.rejectionMemoryMillis());
        return;
      }
      failures++;
      long delay = backoff(failures, e);
      State current = state; // read once: invalidateAll may empty it meanwhile
      boolean tokenOutlastsDelay = current.token != null && now + delay < current.usableUntil;
      if (tokenOutlastsDelay
          || (failures < ATTEMPTS_WITHOUT_TOKEN && delay <= settings.waitTimeoutMillis())) {
        events.fetchFailed(attempts, latency, e, true); // observability hooks
        if (tokenOutlastsDelay) {
          events.servedWhileRefreshFails(current.token);
        }
        log(Level.INFO, () -> "token request failed after " + latency + " ms (failure " + failures
            + ": " + e.getMessage() + "); retry in " + delay + " ms"
            + (tokenOutlastsDelay ? ", current token still served" : ""));
        scheduleAttempt(delay);
        return;
      }
      events.fetchFailed(attempts, latency, e, false); // observability hook
      log(Level.WARNING, () -> "token request failed " + failures + " times, giving up for "
          + delay + " ms: " + e.getMessage());
      fail(e, now + delay);
    }

    private void fail(TokenException e, long rememberUntil) {
      state = state.withFailure(e, rememberUntil);
      flight.set(null);
      result.completeExceptionally(e);
    }

    /** Full jitter (AWS architecture blog), never sooner than the provider's Retry-After. */
    private long backoff(int failures, TokenException e) {
      long ceiling = Math.min(settings.maxBackoffMillis(),
          BASE_BACKOFF_MILLIS << Math.min(failures - 1, 20));
      long delay = (long) (settings.random().nextDouble() * ceiling);
      if (e instanceof TokenEndpointUnavailableException unavailable
          && unavailable.retryAfter().isPresent()) {
        long retryAfter = Math.min(unavailable.retryAfter().get().toMillis(), MAX_RETRY_AFTER_MILLIS);
        delay = Math.max(delay, retryAfter);
      }
      return Math.max(delay, settings.minRequestIntervalMillis());
    }

    /**
     * The flight's token, or its failure as this caller's own exception. Waits at most the wait
     * timeout, and not past the moment {@code call} is cancelled or times out.
     */
    AccessToken await(Call call) throws IOException {
      TokenException last = lastFailure;
      if (last != null && nextAttemptAt - clock.millis() > settings.waitTimeoutMillis()) {
        throw last.forCaller(); // The next try comes too late for this caller.
      }
      long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.waitTimeoutMillis());
      try {
        for (; ; ) {
          long left = waitUntil - System.nanoTime();
          if (left <= 0) {
            throw waitedTooLong();
          }
          try {
            return result.get(call == null ? left : Math.min(left, CANCEL_CHECK_NANOS),
                TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            if (call != null && call.isCanceled()) {
              throw callGaveUp();
            }
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TokenException failure) {
          throw failure.forCaller();
        }
        throw new TokenResponseException(provider, provider + " token request failed: "
            + e.getCause().getClass().getName(), 0, "");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a " + provider + " token");
      }
    }

    private TokenEndpointUnavailableException waitedTooLong() {
      TokenException failure = lastFailure;
      log(Level.DEBUG, () -> "a caller gave up after waiting " + settings.waitTimeoutMillis()
          + " ms for a token");
      return new TokenEndpointUnavailableException(provider, "No " + provider + " token within "
          + settings.waitTimeoutMillis() + " ms" + (failure == null
          ? " (the token endpoint is slow)" : "; last failure: " + failure.getMessage())
          + ". Raise TokenCache.waitTimeout or check the token endpoint", statusOf(failure), null,
          failure);
    }

    /**
     * Not a {@link TokenException}: nothing is wrong with the token endpoint, whose request goes
     * on for the other callers. An {@link InterruptedIOException}, as OkHttp itself throws for a
     * call that ran out of time (OkHttp wraps this one in its own "timeout" then).
     */
    private InterruptedIOException callGaveUp() {
      log(Level.DEBUG, () -> "a caller stopped waiting for a token: its call was cancelled or"
          + " reached its call timeout");
      return new InterruptedIOException("The call was cancelled or reached its call timeout while"
          + " waiting for a " + provider + " token; the token request goes on for other callers");
    }
  }

  private static boolean isRetriable(TokenException e) {
    return e instanceof TokenEndpointUnavailableException;
  }

  private static int statusOf(TokenException failure) {
    return failure instanceof TokenEndpointUnavailableException u ? u.status().orElse(0) : 0;
  }

  /**
   * What every caller reads: the token, until when it may be sent ({@code usableUntil}, the hard
   * margin before expiry), when to refresh it, and a failure remembered until {@code failureUntil}.
   * Times are epoch milliseconds of the cache's clock.
   */
  record State(
      AccessToken token,
      long usableUntil,
      long refreshAt,
      boolean invalidated,
      TokenException failure,
      long failureUntil) {
    static final State EMPTY = new State(null, Long.MIN_VALUE, Long.MIN_VALUE, false, null, 0);

    /**
     * Hard margin H = min(60 s, max(5 s, 5 % of L), L/4); refresh at a jittered 75–85 % of L, but
     * no later than expiry − H − max(2 × latency, L/10), so the new token lands while the old one
     * is usable even when the latency is not known yet.
     */
    static State of(AccessToken token, long latencyMillis, double jitter) {
      long sent = token.requestedAt().toEpochMilli();
      long expires = token.expiresAt().toEpochMilli();
      long life = expires - sent;
      long hardMargin = Math.min(60_000, Math.min(Math.max(5_000, life / 20), life / 4));
      long usableUntil = expires - hardMargin;
      long jittered = sent + (long) (life * (0.75 + 0.10 * jitter));
      long lead = Math.max(2 * latencyMillis, life / 10);
      long refreshAt = Math.max(sent, Math.min(jittered, usableUntil - lead));
      return new State(token, usableUntil, refreshAt, false, null, 0);
    }

    long expiresAt() {
      return token.expiresAt().toEpochMilli();
    }

    State asInvalidated() {
      return new State(token, Long.MIN_VALUE, Long.MIN_VALUE, true, failure, failureUntil);
    }

    State withFailure(TokenException e, long until) {
      return new State(token, usableUntil, refreshAt, invalidated, e, until);
    }

    @Override
    public String toString() {
      return "State{token=" + (token == null ? "none" : token.fingerprint())
          + ", usableUntil=" + usableUntil + ", refreshAt=" + refreshAt + "}";
    }
  }
}
