package io.tokenwise;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * Holds tokens by key (token URL, auth style, client id, secret fingerprint, scopes) and refreshes
 * them ahead of expiry in the background. Clients with the same key share one token, one
 * in-flight request and one rate limit.
 *
 * <p>By default every client uses {@link #shared()}, so a process asks a provider for a token once
 * however many clients it builds (Paxos throttles an IP for 5 minutes past about one token request
 * per second). Pass your own instance to a client builder to isolate clients, or to tune:
 *
 * <pre>{@code
 * TokenCache cache = TokenCache.builder().minRequestInterval(Duration.ofSeconds(2)).build();
 * PaxosTransfers paxos = PaxosTransfersClient.builder().credentials(creds).tokenCache(cache).build();
 * }</pre>
 */
public final class TokenCache {
  private static final TokenCache SHARED = builder().build();

  final Clock clock;
  final Scheduler scheduler;
  final RandomGenerator random;
  final long minRequestIntervalMillis;
  final long waitTimeoutMillis;
  final long rejectionMemoryMillis;
  final long forcedRefreshIntervalMillis;
  final long maxBackoffMillis;
  private final ConcurrentMap<TokenKey, TokenEntry> entries = new ConcurrentHashMap<>();

  private TokenCache(Builder builder) {
    this.clock = builder.clock;
    this.scheduler = builder.scheduler;
    this.random = builder.random;
    this.minRequestIntervalMillis = builder.minRequestInterval.toMillis();
    this.waitTimeoutMillis = builder.waitTimeout.toMillis();
    this.rejectionMemoryMillis = builder.rejectionMemory.toMillis();
    this.forcedRefreshIntervalMillis = builder.forcedRefreshInterval.toMillis();
    this.maxBackoffMillis = builder.maxBackoff.toMillis();
  }

  /** The process-wide cache every client uses unless given another. */
  public static TokenCache shared() {
    return SHARED;
  }

  /** A new, empty cache with default settings. */
  public static TokenCache create() {
    return builder().build();
  }

  /** Settings for a new cache. */
  public static Builder builder() {
    return new Builder();
  }

  /** Forgets every token and remembered failure; the next call of each client fetches anew. */
  public void invalidateAll() {
    entries.values().forEach(TokenEntry::forget);
  }

  /** The entry for {@code exchange}'s key, created with {@code fetcher} if it is the first. */
  TokenEntry entry(TokenExchange exchange, TokenFetcher fetcher) {
    return entry(exchange.key(), exchange.provider, fetcher);
  }

  TokenEntry entry(TokenKey key, Provider provider, TokenFetcher fetcher) {
    return entries.computeIfAbsent(key, k -> new TokenEntry(this, k, provider, fetcher));
  }

  @Override
  public String toString() {
    return "TokenCache{keys=" + entries.size() + "}";
  }

  /** Settings of a {@link TokenCache}; every one has a default fit for production. */
  public static final class Builder {
    private Clock clock = TickingClock.INSTANCE;
    private Scheduler scheduler = Scheduler.shared();
    private RandomGenerator random = RandomGenerator.getDefault();
    private Duration minRequestInterval = Duration.ofSeconds(1);
    private Duration waitTimeout = Duration.ofSeconds(30);
    private Duration rejectionMemory = Duration.ofSeconds(10);
    private Duration forcedRefreshInterval = Duration.ofSeconds(10);
    private Duration maxBackoff = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The clock that token lifetimes are measured with; tests pass a fake one. The default reads
     * the wall clock through a field a daemon thread refreshes every few milliseconds while
     * tokens are being read, so that a cached-token lookup pays no clock read.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** At most one token request per key per this interval (default 1 s). */
    public Builder minRequestInterval(Duration interval) {
      this.minRequestInterval = nonNegative(interval, "minRequestInterval");
      return this;
    }

    /** How long a caller with no usable token waits for one before a typed failure (default 30 s). */
    public Builder waitTimeout(Duration timeout) {
      this.waitTimeout = positive(timeout, "waitTimeout");
      return this;
    }

    /** How long a 400/401/403 from the token endpoint is answered from memory (default 10 s). */
    public Builder rejectionMemory(Duration memory) {
      this.rejectionMemory = nonNegative(memory, "rejectionMemory");
      return this;
    }

    /** At most one 401-forced refresh per key per this interval (default 10 s). */
    public Builder forcedRefreshInterval(Duration interval) {
      this.forcedRefreshInterval = nonNegative(interval, "forcedRefreshInterval");
      return this;
    }

    /** The longest pause between retries of a failing token endpoint (default 30 s). */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = positive(backoff, "maxBackoff");
      return this;
    }

    Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /** The cache. */
    public TokenCache build() {
      return new TokenCache(this);
    }

    private static Duration nonNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + duration);
      }
      return duration;
    }

    private static Duration positive(Duration duration, String name) {
      if (nonNegative(duration, name).isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
