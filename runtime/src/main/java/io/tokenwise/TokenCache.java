package io.tokenwise;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * Holds tokens by key (token URL, auth style, client id and secret, scopes) and refreshes them
 * ahead of expiry in the background. Clients with the same key share one token, one in-flight
 * request and one rate limit.
 *
 * <p>By default every client uses {@link #shared()}, so a process asks a provider for a token once
 * however many clients it builds (Paxos throttles an IP for 5 minutes past about one token request
 * per second). Pass your own instance to a client builder to isolate clients, or to tune:
 *
 * <pre>{@code
 * TokenCache cache = TokenCache.builder().minRequestInterval(Duration.ofSeconds(2)).build();
 * PaxosTransfers paxos = PaxosTransfersClient.builder().credentials(creds).tokenCache(cache).build();
 * }</pre>
 *
 * <p>The cache keeps a key's token only while a client of that key is reachable: the clients hold
 * their entries, the cache only refers to them weakly, so dropped clients (a rotated secret, a
 * tenant gone) leave neither their credentials nor their tokens behind.
 */
public final class TokenCache {
  private static final TokenCache SHARED = builder().build();

  /** Every setting of the token lifecycle, as the entries read them. */
  record Settings(
      Clock clock,
      Scheduler scheduler,
      RandomGenerator random,
      long minRequestIntervalMillis,
      long tokenRequestTimeoutMillis,
      long waitTimeoutMillis,
      long rejectionMemoryMillis,
      long forcedRefreshIntervalMillis,
      long maxBackoffMillis,
      List<TokenEventListener> listeners) {}

  final Settings settings;
  /** The fleet's shared store, or null: tokens are this process's own. */
  final TokenFleet fleet;
  private final ConcurrentMap<TokenKey, EntryReference> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<TokenEntry> dropped = new ReferenceQueue<>();

  private TokenCache(Builder builder) {
    this.settings = new Settings(
        builder.clock,
        builder.scheduler,
        builder.random,
        builder.minRequestInterval.toMillis(),
        builder.tokenRequestTimeout.toMillis(),
        builder.waitTimeout.toMillis(),
        builder.rejectionMemory.toMillis(),
        builder.forcedRefreshInterval.toMillis(),
        builder.maxBackoff.toMillis(),
        List.copyOf(builder.listeners));
    this.fleet = builder.fleet;
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
    for (EntryReference reference : entries.values()) {
      TokenEntry entry = reference.get();
      if (entry != null) {
        entry.forget();
        if (entry.fetcher instanceof FleetFetcher shared) {
          shared.invalidateShared();
        }
      }
    }
  }

  /**
   * The tokens held now, one per key in use that has one: for gauges and health checks. Neither
   * tokens nor credentials: see {@link CachedToken}.
   */
  public List<CachedToken> tokens() {
    removeDropped();
    List<CachedToken> tokens = new ArrayList<>();
    for (EntryReference reference : entries.values()) {
      TokenEntry entry = reference.get();
      CachedToken token = entry == null ? null : entry.cachedToken();
      if (token != null) {
        tokens.add(token);
      }
    }
    return List.copyOf(tokens);
  }

  /**
   * The entry for {@code exchange}'s key through {@code fetcher}'s transport, created with {@code
   * fetcher} if none is in use; {@code env} names the key in events.
   */
  TokenEntry entry(TokenExchange exchange, Env env, TokenFetcher fetcher) {
    // With a fleet, the fetch goes through its store first (docs/DESIGN.md, "A fleet").
    TokenFetcher shared = fleet != null && fleet.singleFlight(exchange.provider)
        ? new FleetFetcher(fleet, exchange, fetcher, settings) : fetcher;
    return entry(exchange.key(fetcher.transport()), exchange.provider, env, shared);
  }

  /** As {@link #entry(TokenKey, Provider, Env, TokenFetcher)}, for tests: events say SANDBOX. */
  TokenEntry entry(TokenKey key, Provider provider, TokenFetcher fetcher) {
    return entry(key, provider, Env.SANDBOX, fetcher);
  }

  /**
   * The entry in use for {@code key}, or a new one. The caller must hold on to it: the cache
   * does not, so that an entry no client holds is collected with its fetcher's credentials.
   */
  TokenEntry entry(TokenKey key, Provider provider, Env env, TokenFetcher fetcher) {
    removeDropped();
    for (; ; ) {
      EntryReference current = entries.get(key);
      TokenEntry entry = current == null ? null : current.get();
      if (entry != null) {
        return entry;
      }
      TokenEntry created = new TokenEntry(settings, key, provider, env, fetcher);
      EntryReference reference = new EntryReference(key, created, dropped);
      boolean installed = current == null
          ? entries.putIfAbsent(key, reference) == null
          : entries.replace(key, current, reference);
      if (installed) {
        return created;
      }
    }
  }

  /** Callers that had to wait for a token, over every key in use (for tests). */
  long callersThatWaited() {
    removeDropped();
    long waited = 0;
    for (EntryReference reference : entries.values()) {
      TokenEntry entry = reference.get();
      waited += entry == null ? 0 : entry.waits.sum();
    }
    return waited;
  }

  /** Keys in use: their entries are still held by a client (for tests). */
  int size() {
    removeDropped();
    return (int) entries.values().stream().filter(reference -> reference.get() != null).count();
  }

  private void removeDropped() {
    for (Object gone; (gone = dropped.poll()) != null; ) {
      EntryReference reference = (EntryReference) gone;
      entries.remove(reference.key, reference);
    }
  }

  @Override
  public String toString() {
    return "TokenCache{keys=" + size() + "}";
  }

  /** A weak reference that knows its key, so that the map forgets the key once it is cleared. */
  private static final class EntryReference extends WeakReference<TokenEntry> {
    final TokenKey key;

    EntryReference(TokenKey key, TokenEntry entry, ReferenceQueue<TokenEntry> queue) {
      super(entry, queue);
      this.key = key;
    }
  }

  /** Settings of a {@link TokenCache}; every one has a default fit for production. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler = Scheduler.shared();
    private RandomGenerator random = RandomGenerator.getDefault();
    private Duration minRequestInterval = Duration.ofSeconds(1);
    private Duration tokenRequestTimeout = Duration.ofSeconds(10);
    private Duration waitTimeout = Duration.ofSeconds(30);
    private Duration rejectionMemory = Duration.ofSeconds(10);
    private Duration forcedRefreshInterval = Duration.ofSeconds(10);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private TokenFleet fleet;
    private final List<TokenEventListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The clock that token lifetimes are measured with; tests pass a fake one. The default, {@link
     * Clock#systemUTC()}, is read on every use, so a token's usability is never judged by a cached
     * or lagging time.
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

    /**
     * How long one token request may take, from sending it to reading the whole answer (default
     * 10 s). A request still unanswered then, such as one whose answer trickles in byte by byte,
     * is cancelled and retried with backoff like any other failed request.
     */
    public Builder tokenRequestTimeout(Duration timeout) {
      this.tokenRequestTimeout = positive(timeout, "tokenRequestTimeout");
      return this;
    }

    /**
     * How long a caller with no usable token waits for one before a typed failure (default 30 s).
     * A caller whose OkHttp call is cancelled or reaches its call timeout stops waiting sooner.
     */
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

    /**
     * Shares tokens with the other processes of a fleet through {@code fleet}'s store: one token
     * request per refresh for the whole fleet, where the provider needs it. API calls are still
     * answered from this cache alone; the store is asked only when a token is due or missing.
     */
    public Builder fleet(TokenFleet fleet) {
      this.fleet = Objects.requireNonNull(fleet, "fleet == null");
      return this;
    }

    /**
     * Adds a listener told of every token request, refresh, invalidation and rate limit of this
     * cache's keys (see {@link TokenEvent}); may be called more than once. Listeners run in the
     * order added; what one throws is logged and dropped.
     */
    public Builder eventListener(TokenEventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
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
