package io.tokenwise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint in memory: issues {@code token-1}, {@code token-2}, ... of a set lifetime,
 * or fails as scripted; records when each request was sent; can hold requests until released.
 */
final class FakeFetcher implements TokenFetcher {
  private final Clock clock;
  private final Duration lifetime;
  private final Deque<TokenException> failures = new ArrayDeque<>();
  private TokenException failAlways;
  private final AtomicInteger issued = new AtomicInteger();
  final List<Instant> requestTimes = new ArrayList<>();
  private Semaphore gate;
  final Semaphore entered = new Semaphore(0);

  FakeFetcher(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** The next requests fail with these, in order. */
  synchronized FakeFetcher failNext(TokenException... errors) {
    failures.addAll(List.of(errors));
    return this;
  }

  /** Every request fails with {@code error} until {@link #recover()}. */
  synchronized FakeFetcher failAlways(TokenException error) {
    failAlways = error;
    return this;
  }

  synchronized void recover() {
    failAlways = null;
  }

  /** Requests block inside {@link #fetch} until {@link #release()}. */
  synchronized void hold() {
    gate = new Semaphore(0);
  }

  void release() {
    Semaphore g;
    synchronized (this) {
      g = gate;
      gate = null;
    }
    if (g != null) {
      g.release(Integer.MAX_VALUE / 2);
    }
  }

  synchronized int requests() {
    return requestTimes.size();
  }

  @Override
  public AccessToken fetch() throws TokenException {
    Instant sentAt = clock.instant();
    Semaphore g;
    TokenException failure;
    synchronized (this) {
      requestTimes.add(sentAt);
      g = gate;
      failure = failures.isEmpty() ? failAlways : failures.poll();
    }
    entered.release();
    if (g != null) {
      g.acquireUninterruptibly();
    }
    if (failure != null) {
      throw failure;
    }
    return AccessToken.create("token-" + issued.incrementAndGet(), sentAt, sentAt.plus(lifetime),
        Set.of());
  }

  static TokenEndpointUnavailableException unavailable(int status, Duration retryAfter) {
    return new TokenEndpointUnavailableException(Provider.PAXOS,
        "PAXOS token endpoint is unavailable (HTTP " + status + ")", status, retryAfter, null);
  }

  static TokenRejectedException rejected() {
    return new TokenRejectedException(Provider.PAXOS, "PAXOS token endpoint rejected the request"
        + " (HTTP 401, invalid_client)", 401, "invalid_client", "bad client");
  }
}
