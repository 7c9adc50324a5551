package io.tokenwise;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events of one key (docs/DESIGN.md, "Observability"): builds each {@link TokenEvent} only
 * when someone listens (a listener, or a JFR recording), hands it to the listeners one by one,
 * dropping whatever they throw, then to JFR. Nothing here may fail a token request or a call.
 */
final class TokenEvents {
  private static final System.Logger LOG = System.getLogger("io.tokenwise.TokenCache");

  private final List<TokenEventListener> listeners;
  private final Clock clock;
  private final Provider provider;
  private final Env env;
  private final String keyFingerprint;

  TokenEvents(List<TokenEventListener> listeners, Clock clock, Provider provider, Env env,
      String keyFingerprint) {
    this.listeners = listeners;
    this.clock = clock;
    this.provider = provider;
    this.env = env;
    this.keyFingerprint = keyFingerprint;
  }

  void fetchStarted(int attempt) {
    if (wanted()) {
      emit(new TokenEvent.FetchStarted(provider, env, keyFingerprint, now(), attempt));
    }
  }

  void fetchSucceeded(int attempt, long durationMillis, AccessToken token) {
    if (wanted()) {
      emit(new TokenEvent.FetchSucceeded(provider, env, keyFingerprint, now(), attempt,
          Duration.ofMillis(durationMillis), token.expiresAt()));
    }
  }

  void fetchFailed(int attempt, long durationMillis, TokenException e, boolean retrying) {
    if (wanted()) {
      Optional<Duration> retryAfter = e instanceof TokenEndpointUnavailableException u
          ? u.retryAfter() : Optional.empty();
      emit(new TokenEvent.FetchFailed(provider, env, keyFingerprint, now(), attempt,
          Duration.ofMillis(durationMillis), status(e), e.getClass().getSimpleName(), retryAfter,
          retrying));
    }
  }

  void refreshAhead(AccessToken current) {
    if (wanted()) {
      emit(new TokenEvent.RefreshAhead(provider, env, keyFingerprint, now(),
          current.expiresAt()));
    }
  }

  void servedWhileRefreshFails(AccessToken current) {
    if (wanted()) {
      emit(new TokenEvent.ServedWhileRefreshFails(provider, env, keyFingerprint, now(),
          current.expiresAt()));
    }
  }

  void invalidated(boolean current) {
    if (wanted()) {
      emit(new TokenEvent.Invalidated(provider, env, keyFingerprint, now(), current));
    }
  }

  void rateLimited(TokenEvent.RateLimited.Reason reason, long delayMillis) {
    if (wanted()) {
      emit(new TokenEvent.RateLimited(provider, env, keyFingerprint, now(), reason,
          Duration.ofMillis(delayMillis)));
    }
  }

  void rejectionRemembered(TokenException e, long memoryMillis) {
    if (wanted()) {
      emit(new TokenEvent.RejectionRemembered(provider, env, keyFingerprint, now(), status(e),
          e.getClass().getSimpleName(), Duration.ofMillis(memoryMillis)));
    }
  }

  private boolean wanted() {
    return !listeners.isEmpty() || JfrEvents.recording();
  }

  private Instant now() {
    return clock.instant();
  }

  private void emit(TokenEvent event) {
    for (TokenEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (Throwable t) {
        // A listener's bug must not fail a token request or an API call. Its message is its own.
        LOG.log(Level.WARNING, () -> "TokenEventListener " + listener.getClass().getName()
            + " threw " + t + " on " + event.getClass().getSimpleName() + "; ignored");
      }
    }
    try {
      JfrEvents.commit(event);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.DEBUG, () -> "JFR event not recorded: " + e);
    }
  }

  private static int status(TokenException e) {
    if (e instanceof TokenRejectedException rejected) {
      return rejected.status();
    }
    if (e instanceof TokenEndpointUnavailableException unavailable) {
      return unavailable.status().orElse(0);
    }
    return 0;
  }
}
