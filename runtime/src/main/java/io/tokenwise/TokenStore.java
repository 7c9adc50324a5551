package io.tokenwise;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A store that a fleet of processes shares tokens through: the second level behind each
 * process's own cache (docs/DESIGN.md, "A fleet"). {@code tokenwise-redis} implements it on Redis;
 * configure it with {@link TokenFleet}.
 *
 * <p>The store never sees a secret, a client id or a token: keys are keyed digests of the token
 * key, and values are sealed (AES-GCM) by Tokenwise before they reach it. Any method may throw
 * any {@link RuntimeException} (a timeout, a lost connection): Tokenwise takes it as a cache miss,
 * fetches the token itself and goes back to sharing later. An implementation should bound every
 * call to a short timeout (a few hundred milliseconds): callers may be waiting.
 *
 * <p>Tokenwise calls a store only when a token is due for refresh or missing, never on the hot
 * path of an API call.
 */
public interface TokenStore {
  /** The token stored under {@code key}, if any. */
  Optional<StoredToken> get(String key);

  /**
   * Takes {@code key}'s lease for {@code owner} unless someone holds it: the one process that
   * asks the token endpoint while the others wait. Returns the lease's fence, greater than every
   * fence handed out for this key before (and than the stored token's), or empty when the lease
   * is held.
   */
  OptionalLong tryLease(String key, String owner, Duration leaseTime);

  /** Extends {@code owner}'s lease on {@code key}; false if it no longer holds it. */
  boolean extendLease(String key, String owner, Duration leaseTime);

  /** Ends {@code owner}'s lease on {@code key} if it still holds it (compare and delete). */
  void release(String key, String owner);

  /**
   * Stores {@code token} under {@code key} for {@code timeToLive}, unless the token stored there
   * has a fence at least as high: a lease holder that paused past its lease never overwrites a
   * newer token. Returns whether it was stored.
   */
  boolean compareAndSet(String key, StoredToken token, Duration timeToLive);

  /** Removes the token stored under {@code key}, if any; leases and fences stay. */
  void invalidate(String key);
}
