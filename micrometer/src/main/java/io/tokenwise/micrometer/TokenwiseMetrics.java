package io.tokenwise.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.tokenwise.TokenEvent;
import io.tokenwise.TokenEventListener;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tokenwise's token lifecycle as Micrometer meters and an {@link Observation}: register it on a
 * {@code TokenCache} and every client of that cache is measured.
 *
 * <pre>{@code
 * TokenCache cache = TokenCache.builder()
 *     .eventListener(TokenwiseMetrics.create(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <table>
 * <caption>What it records</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code tokenwise.token.fetch}</td><td>Observation, hence timer (and {@code .active}
 *     long task timer)</td><td>provider, env, outcome ({@code success}, {@code rejected},
 *     {@code unavailable}, {@code invalid_response}, {@code error} for any other failure,
 *     {@code abandoned} when a fetch ended without an answer), error.type ({@code none} or the
 *     exception's simple name), error</td></tr>
 * <tr><td>{@code tokenwise.token.refresh.ahead}</td><td>counter</td><td>provider, env</td></tr>
 * <tr><td>{@code tokenwise.token.served.while.refresh.fails}</td><td>counter</td><td>provider,
 *     env</td></tr>
 * <tr><td>{@code tokenwise.token.invalidations}</td><td>counter</td><td>provider, env, token
 *     ({@code current} or {@code stale})</td></tr>
 * <tr><td>{@code tokenwise.token.rate.limited}</td><td>counter</td><td>provider, env, reason
 *     ({@code min_request_interval}, {@code forced_refresh_interval})</td></tr>
 * <tr><td>{@code tokenwise.token.rejections}</td><td>counter</td><td>provider, env,
 *     status</td></tr>
 * <tr><td>{@code tokenwise.token.remaining}</td><td>gauge, seconds</td><td>provider, env,
 *     key</td></tr>
 * </table>
 *
 * <p>{@code key} is the cache key's fingerprint (a short hash, for telling the tokens of two
 * credentials apart); no tag holds a secret, client id or token. Fetch timing goes through the
 * Observation, as Micrometer instrumentation does: the timer comes from the observation
 * registry's {@link DefaultMeterObservationHandler} (Spring Boot's registry has one; {@link
 * #create(MeterRegistry)} makes one), and tracing handlers see a span per token request.
 */
public final class TokenwiseMetrics implements TokenEventListener {
  /** The observation's, hence the timer's, name. */
  public static final String FETCH = "tokenwise.token.fetch";

  private final MeterRegistry meters;
  private final ObservationRegistry observations;
  /** The token request in flight per key: one at a time per key. */
  private final ConcurrentMap<String, Observation> inFlight = new ConcurrentHashMap<>();
  /** The expiry behind each key's gauge; null while the key has no token. */
  private final ConcurrentMap<String, Expiry> expiries = new ConcurrentHashMap<>();

  private TokenwiseMetrics(MeterRegistry meters, ObservationRegistry observations) {
    this.meters = meters;
    this.observations = observations;
  }

  /** Meters in {@code meters}; fetches timed through an observation registry of its own. */
  public static TokenwiseMetrics create(MeterRegistry meters) {
    Objects.requireNonNull(meters, "meters == null");
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return new TokenwiseMetrics(meters, observations);
  }

  /**
   * Meters in {@code meters}; fetches observed in {@code observations}, which times them when it
   * has a {@link DefaultMeterObservationHandler} (Spring Boot's does).
   */
  public static TokenwiseMetrics create(MeterRegistry meters, ObservationRegistry observations) {
    return new TokenwiseMetrics(Objects.requireNonNull(meters, "meters == null"),
        Objects.requireNonNull(observations, "observations == null"));
  }

  @Override
  public void onEvent(TokenEvent event) {
    if (event instanceof TokenEvent.FetchStarted) {
      Observation observation = Observation.createNotStarted(FETCH, observations)
          .contextualName("tokenwise token fetch")
          .lowCardinalityKeyValue("provider", event.provider().name())
          .lowCardinalityKeyValue("env", event.env().name())
          .highCardinalityKeyValue("key", event.keyFingerprint())
          .start();
      Observation previous = inFlight.put(event.keyFingerprint(), observation);
      if (previous != null) {
        previous.lowCardinalityKeyValue("outcome", "abandoned")
            .lowCardinalityKeyValue("error.type", "none").stop();
      }
    } else if (event instanceof TokenEvent.FetchSucceeded succeeded) {
      stop(event, "success", "none");
      expiry(event).expiresAt = succeeded.expiresAt();
    } else if (event instanceof TokenEvent.FetchFailed failed) {
      stop(event, outcome(failed.errorType()), failed.errorType());
    } else if (event instanceof TokenEvent.RefreshAhead) {
      count("tokenwise.token.refresh.ahead", event, Tags.empty());
    } else if (event instanceof TokenEvent.ServedWhileRefreshFails) {
      count("tokenwise.token.served.while.refresh.fails", event, Tags.empty());
    } else if (event instanceof TokenEvent.Invalidated invalidated) {
      count("tokenwise.token.invalidations", event,
          Tags.of("token", invalidated.current() ? "current" : "stale"));
      if (invalidated.current()) {
        expiry(event).expiresAt = null;
      }
    } else if (event instanceof TokenEvent.RateLimited limited) {
      count("tokenwise.token.rate.limited", event,
          Tags.of("reason", limited.reason().name().toLowerCase(Locale.ROOT)));
    } else if (event instanceof TokenEvent.RejectionRemembered rejected) {
      count("tokenwise.token.rejections", event,
          Tags.of("status", Integer.toString(rejected.status())));
    }
  }

  private void stop(TokenEvent event, String outcome, String errorType) {
    Observation observation = inFlight.remove(event.keyFingerprint());
    if (observation == null) {
      return; // started before this listener was registered
    }
    observation.lowCardinalityKeyValue("outcome", outcome)
        .lowCardinalityKeyValue("error.type", errorType);
    if (!"none".equals(errorType)) {
      observation.error(new TokenFetchFailure(event.provider() + " token request failed ("
          + errorType + ")"));
    }
    observation.stop();
  }

  /** The outcome tag of a failure, by its exception type. */
  private static String outcome(String errorType) {
    switch (errorType) {
      case "TokenRejectedException":
        return "rejected";
      case "TokenEndpointUnavailableException":
        return "unavailable";
      case "TokenResponseException":
      case "InsufficientScopeException":
        return "invalid_response";
      default:
        return "error";
    }
  }

  private void count(String name, TokenEvent event, Tags extra) {
    Counter.builder(name)
        .tags(common(event).and(extra))
        .register(meters)
        .increment();
  }

  private static Tags common(TokenEvent event) {
    return Tags.of("provider", event.provider().name(), "env", event.env().name());
  }

  /** The key's expiry holder, with its gauge registered on first use. */
  private Expiry expiry(TokenEvent event) {
    return expiries.computeIfAbsent(event.keyFingerprint(), key -> {
      Expiry expiry = new Expiry(meters);
      Gauge.builder("tokenwise.token.remaining", expiry, Expiry::remainingSeconds)
          .description("Seconds until the cached token expires; 0 without one")
          .baseUnit("seconds")
          .tags(common(event).and("key", key))
          .strongReference(true)
          .register(meters);
      return expiry;
    });
  }

  /** One key's token expiry, read by its gauge on the meter registry's clock. */
  private static final class Expiry {
    private final MeterRegistry meters;
    volatile Instant expiresAt;

    Expiry(MeterRegistry meters) {
      this.meters = meters;
    }

    double remainingSeconds() {
      Instant at = expiresAt;
      if (at == null) {
        return 0;
      }
      long millis = at.toEpochMilli() - meters.config().clock().wallTime();
      return Math.max(0, millis) / 1000.0;
    }
  }

  /**
   * Marks a failed fetch's observation as an error for tracing; carries the exception type's
   * name only (the exception itself stays with the callers).
   */
  static final class TokenFetchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenFetchFailure(String message) {
      super(message, null, false, false);
    }
  }
}
