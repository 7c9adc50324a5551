package io.tokenwise.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it: give it to the emulator and to the client (the
 * emulator's {@link ProviderEmulator#configure configure} does both), then {@link #advance} past a
 * refresh point or an expiry instead of sleeping.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * try (ProviderEmulator emulator = ProviderEmulator.start(clock)) {
 *   PaxosTransfers paxos = emulator.client(PaxosTransfers.class);  // on the same clock
 *   paxos.transfers(10).execute();
 *   clock.advance(Duration.ofHours(1));                            // the token has expired
 *   paxos.transfers(10).execute();
 *   assertEquals(2, emulator.tokenRequestCount(Provider.PAXOS));
 * }
 * }</pre>
 *
 * <p>Thread-safe; always in UTC.
 */
public final class VirtualClock extends Clock {
  private final AtomicReference<Instant> now;

  private VirtualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock standing at {@code start}. */
  public static VirtualClock at(Instant start) {
    return new VirtualClock(Objects.requireNonNull(start, "start == null"));
  }

  /** A clock standing at the current wall-clock second (so issued JWTs look plausible). */
  public static VirtualClock atWallClockSecond() {
    return at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
  }

  /** Moves the clock forward by {@code duration} and returns the new time. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a virtual clock only moves forward: " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Sets the clock to {@code instant}, forward or back. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock itself when {@code zone} is UTC; a virtual clock knows no other zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("a VirtualClock is always UTC: " + zone);
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now.get() + "]";
  }
}
