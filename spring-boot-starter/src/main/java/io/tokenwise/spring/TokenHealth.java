package io.tokenwise.spring;

import io.tokenwise.CachedToken;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEvent;
import io.tokenwise.TokenEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the health of a provider's tokens is, independent of Actuator's API: per key, the last
 * token request's outcome (from events) and the cached token's time to expiry (from {@link
 * TokenCache#tokens()}). Never a token, secret or client id: keys show by fingerprint.
 */
public final class TokenHealth implements TokenEventListener {
  /** A provider's state: {@code UP}, {@code DOWN} or {@code UNKNOWN}, and what shows it. */
  public record State(String status, Map<String, Object> details) {}

  private record LastFetch(Provider provider, String env, String outcome, Instant at) {}

  private final ConcurrentMap<String, LastFetch> lastFetches = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Health on the system clock. */
  public TokenHealth() {
    this(Clock.systemUTC());
  }

  TokenHealth(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onEvent(TokenEvent event) {
    if (event instanceof TokenEvent.FetchSucceeded) {
      record(event, "success");
    } else if (event instanceof TokenEvent.FetchFailed failed) {
      record(event, failed.errorType()
          + (failed.status() == 0 ? "" : " (HTTP " + failed.status() + ")"));
    }
  }

  private void record(TokenEvent event, String outcome) {
    lastFetches.put(event.keyFingerprint(),
        new LastFetch(event.provider(), event.env().name(), outcome, event.at()));
  }

  /**
   * The health of {@code provider}'s tokens in {@code cache}: DOWN when a key's last token
   * request failed and it has no usable token; UP when its clients have tokens or have not needed
   * one yet; UNKNOWN when no client of it was built.
   */
  public State state(Provider provider, TokenCache cache, boolean clientBuilt) {
    Map<String, CachedToken> tokens = new LinkedHashMap<>();
    for (CachedToken token : cache.tokens()) {
      if (token.provider() == provider) {
        tokens.put(token.keyFingerprint(), token);
      }
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    boolean down = false;
    Instant now = clock.instant();
    for (Map.Entry<String, LastFetch> entry : lastFetches.entrySet()) {
      LastFetch last = entry.getValue();
      if (last.provider() != provider) {
        continue;
      }
      CachedToken token = tokens.get(entry.getKey());
      boolean usable = token != null && now.isBefore(token.usableUntil());
      down |= !usable && !last.outcome().equals("success");
      Map<String, Object> key = new LinkedHashMap<>();
      key.put("key", entry.getKey());
      key.put("env", last.env());
      key.put("lastFetch", last.outcome());
      key.put("lastFetchAt", last.at().toString());
      if (token != null) {
        key.put("expiresIn", Duration.between(now, token.expiresAt()).withNanos(0).toString());
      }
      keys.add(key);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tokens", keys);
    String status = down ? "DOWN" : clientBuilt || !keys.isEmpty() ? "UP" : "UNKNOWN";
    return new State(status, details);
  }
}
