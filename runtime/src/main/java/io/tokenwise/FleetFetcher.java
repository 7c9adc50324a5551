package io.tokenwise;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A token fetch for the whole fleet (docs/DESIGN.md, "A fleet"): take a newer token from the
 * store if one is there; else take the lease, ask the token endpoint, store the token under the
 * lease's fence and release; else (another process holds the lease) look again shortly. A store
 * failure at any step is a cache miss: the token is fetched directly. {@link TokenEntry} calls it
 * like any fetcher, so its rate limit, deadline and backoff hold as they do without a store.
 */
final class FleetFetcher implements TokenFetcher {
  private static final System.Logger LOG = System.getLogger("io.tokenwise.TokenFleet");
  /** How often a process that waits for another's lease looks at the store again. */
  private static final long POLL_MILLIS = 20;

  private final TokenFleet fleet;
  private final String name;
  private final TokenFetcher direct;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Provider provider;
  private final String keyFingerprint;

  FleetFetcher(TokenFleet fleet, TokenExchange exchange, TokenFetcher direct,
      TokenCache.Settings settings) {
    this.fleet = fleet;
    this.name = fleet.seal.name(exchange);
    this.direct = direct;
    this.clock = settings.clock();
    this.scheduler = settings.scheduler();
    this.provider = exchange.provider;
    this.keyFingerprint = exchange.key().fingerprint();
  }

  @Override
  public CompletableFuture<AccessToken> fetch() {
    return fetch(null, false);
  }

  @Override
  public FetchTransport transport() {
    return direct.transport();
  }

  @Override
  public CompletableFuture<AccessToken> fetch(AccessToken replacing, boolean refused) {
    if (!fleet.storeUp(clock.millis())) {
      return direct.fetch();
    }
    CompletableFuture<AccessToken> result = new CompletableFuture<>();
    try {
      // Store calls block (briefly, bounded by the store's timeouts): never on the timer threads.
      scheduler.executeBlocking(() -> {
        try {
          share(result, replacing, refused);
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      return direct.fetch();
    }
    return result;
  }

  /** Forgets the shared token too (TokenCache.invalidateAll). */
  void invalidateShared() {
    long now = clock.millis();
    if (fleet.storeUp(now)) {
      try {
        fleet.store.invalidate(name);
      } catch (RuntimeException e) {
        fleet.storeFailed(now, e);
      }
    }
  }

  private void share(CompletableFuture<AccessToken> result, AccessToken replacing,
      boolean refused) {
    TokenStore store = fleet.store;
    try {
      boolean waited = false;
      while (!result.isDone()) {
        AccessToken stored = usableStored(replacing, refused);
        if (stored != null) {
          AccessToken adopted = stored;
          log(Level.DEBUG, () -> "took token " + adopted.fingerprint() + " from the store");
          result.complete(stored);
          return;
        }
        OptionalLong fence = store.tryLease(name, fleet.owner, leaseTime());
        if (fence.isPresent()) {
          holdLease(result, replacing, refused, fence.getAsLong());
          return;
        }
        if (!waited) {
          waited = true;
          log(Level.DEBUG, () -> "another process holds the lease; waiting for its token");
        }
        pause(result);
      }
    } catch (RuntimeException e) {
      fleet.storeFailed(clock.millis(), e);
      if (!result.isDone()) {
        forward(direct.fetch(), result);
      }
    }
  }

  /**
   * The stored token if it is the one to use now, else null: one newer than {@code replacing}
   * and usable; or {@code replacing} itself, unrefused and not yet due by the fleet's refresh
   * point (DESIGN.md's, without this process's latency lead: a process whose own estimate puts
   * its refresh early, such as one that just started cold, does not ask for the whole fleet).
   */
  private AccessToken usableStored(AccessToken replacing, boolean refused) {
    Optional<StoredToken> stored = fleet.store.get(name);
    if (stored.isEmpty()) {
      return null;
    }
    AccessToken token = fleet.seal.open(name, stored.get());
    if (token == null) {
      return null;
    }
    TokenEntry.State fleetState = TokenEntry.State.of(token, 0, 0);
    long now = clock.millis();
    if (replacing != null && token.value().equals(replacing.value())) {
      return !refused && now < fleetState.refreshAt() ? token : null;
    }
    if (replacing != null && token.requestedAt().isBefore(replacing.requestedAt())) {
      return null;
    }
    return now < fleetState.usableUntil() ? token : null;
  }

  /** This process asks the token endpoint for the fleet. */
  private void holdLease(CompletableFuture<AccessToken> result, AccessToken replacing,
      boolean refused, long fence) {
    TokenStore store = fleet.store;
    try {
      // Another holder may have stored its token between our look and our lease.
      AccessToken stored = usableStored(replacing, refused);
      if (stored != null) {
        result.complete(stored);
        return;
      }
      log(Level.DEBUG, () -> "took the lease (fence " + fence + "); requesting a token");
      CompletableFuture<AccessToken> answer = direct.fetch();
      result.whenComplete((token, failure) -> {
        if (result.isCancelled()) {
          answer.cancel(false);
        }
      });
      AccessToken token = awaitExtending(answer, result);
      if (token == null) {
        return;
      }
      // Stored before this process uses it: the fleet sees the new token no later than the
      // endpoint's revocation of the old one reaches anyone through this process.
      try {
        long ttl = token.expiresAt().toEpochMilli() - clock.millis();
        if (ttl > 0) {
          boolean kept = store.compareAndSet(name, fleet.seal.seal(name, token, fence),
              Duration.ofMillis(ttl));
          if (!kept) {
            log(Level.INFO, () -> "token " + token.fingerprint() + " not stored: a newer lease"
                + " stored its own (this lease lapsed)");
          }
        }
      } catch (RuntimeException e) {
        fleet.storeFailed(clock.millis(), e); // the token is good all the same
      } finally {
        result.complete(token);
      }
    } finally {
      store.release(name, fleet.owner);
    }
  }

  /**
   * The answer of the token request, extending the lease while it runs; null when the answer
   * failed or the result was cancelled (both already passed on to {@code result}).
   */
  private AccessToken awaitExtending(CompletableFuture<AccessToken> answer,
      CompletableFuture<AccessToken> result) {
    long slice = Math.max(1, fleet.leaseTimeMillis / 3);
    for (; ; ) {
      try {
        return answer.get(slice, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (result.isDone()) {
          return null;
        }
        try {
          fleet.store.extendLease(name, fleet.owner, leaseTime());
        } catch (RuntimeException storeDown) {
          // The request goes on; at worst another process asks too once the lease lapses.
          fleet.storeFailed(clock.millis(), storeDown);
        }
      } catch (ExecutionException e) {
        result.completeExceptionally(e.getCause());
        return null;
      } catch (CancellationException e) {
        result.completeExceptionally(e);
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer.cancel(false);
        result.completeExceptionally(e);
        return null;
      }
    }
  }

  /** Waits a poll interval, or less when the result is cancelled meanwhile. */
  private static void pause(CompletableFuture<AccessToken> result) {
    try {
      result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      // Time to look again, or done.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(e);
    }
  }

  private static void forward(CompletableFuture<AccessToken> from,
      CompletableFuture<AccessToken> to) {
    to.whenComplete((token, failure) -> {
      if (to.isCancelled()) {
        from.cancel(false);
      }
    });
    from.whenComplete((token, failure) -> {
      if (failure == null) {
        to.complete(token);
      } else {
        to.completeExceptionally(failure);
      }
    });
  }

  private Duration leaseTime() {
    return Duration.ofMillis(fleet.leaseTimeMillis);
  }

  private void log(Level level, Supplier<String> message) {
    if (LOG.isLoggable(level)) {
      LOG.log(level, provider + " [key " + keyFingerprint + "] " + message.get());
    }
  }
}
