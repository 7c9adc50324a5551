package io.tokenwise;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TokenStore} in memory with the Redis store's rules (leases, fences, compare-and-set),
 * counting every call; it can be switched off to fail like a store that is down. Expiry is not
 * modelled: tests that need it use Redis.
 */
final class MemoryTokenStore implements TokenStore {
  final Map<String, StoredToken> tokens = new HashMap<>();
  final Map<String, String> leases = new HashMap<>();
  private final Map<String, Long> fences = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  private volatile boolean down;

  void down(boolean down) {
    this.down = down;
  }

  private void call() {
    calls.incrementAndGet();
    if (down) {
      throw new IllegalStateException("store down");
    }
  }

  @Override
  public synchronized Optional<StoredToken> get(String key) {
    call();
    return Optional.ofNullable(tokens.get(key));
  }

  @Override
  public synchronized OptionalLong tryLease(String key, String owner, Duration leaseTime) {
    call();
    if (leases.containsKey(key)) {
      return OptionalLong.empty();
    }
    leases.put(key, owner);
    StoredToken stored = tokens.get(key);
    long fence = Math.max(fences.getOrDefault(key, 0L), stored == null ? 0 : stored.fence()) + 1;
    fences.put(key, fence);
    return OptionalLong.of(fence);
  }

  @Override
  public synchronized boolean extendLease(String key, String owner, Duration leaseTime) {
    call();
    return owner.equals(leases.get(key));
  }

  @Override
  public synchronized void release(String key, String owner) {
    call();
    leases.remove(key, owner);
  }

  @Override
  public synchronized boolean compareAndSet(String key, StoredToken token, Duration timeToLive) {
    call();
    StoredToken current = tokens.get(key);
    if (current != null && current.fence() >= token.fence()) {
      return false;
    }
    tokens.put(key, token);
    return true;
  }

  @Override
  public synchronized void invalidate(String key) {
    call();
    tokens.remove(key);
  }
}
