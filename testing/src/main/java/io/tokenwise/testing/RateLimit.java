package io.tokenwise.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} requests in any {@code window} of the emulator's clock (a sliding
 * window); a refused request is not counted against later ones.
 */
final class RateLimit {
  private final int permits;
  private final Duration window;
  private final Deque<Instant> admitted = new ArrayDeque<>();

  RateLimit(int permits, Duration window) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits < 1: " + permits);
    }
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("window must be at least 1 s: " + window);
    }
    this.permits = permits;
    this.window = window;
  }

  /** 0 when a request at {@code now} is admitted, else the whole seconds until one would be. */
  synchronized long acquire(Instant now) {
    while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
      admitted.removeFirst();
    }
    if (admitted.size() < permits) {
      admitted.addLast(now);
      return 0;
    }
    Duration wait = Duration.between(now, admitted.peekFirst().plus(window));
    // Retry-After is in whole seconds: round up so that a client honouring it is admitted.
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
