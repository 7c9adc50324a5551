package io.tokenwise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The default clock of a {@link TokenCache}: wall-clock milliseconds read from a field that a
 * daemon thread refreshes every {@value #TICK_MILLIS} ms while Tokenwise is in use. A cached-token
 * lookup then costs a field read instead of a clock read (24 ns on a typical VM, most of the
 * lookup). The ticker ends after a second without readers and the next read starts it again.
 *
 * <p>It lags the wall clock by one tick plus scheduling delay: milliseconds, against hard margins
 * of half a second and more, and it errs early (a token looks older than it is), never late.
 */
final class TickingClock extends Clock {
  static final TickingClock INSTANCE = new TickingClock();

  static final long TICK_MILLIS = 5;
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long STOPPED = Long.MIN_VALUE;
  private static final VarHandle READ;

  static {
    try {
      READ = MethodHandles.lookup().findVarHandle(TickingClock.class, "read", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long now = STOPPED;
  /** Set by readers, cleared by the ticker: opaque, so the hot path pays no fence. */
  @SuppressWarnings("unused") // through READ
  private boolean read;

  private TickingClock() {}

  @Override
  public long millis() {
    long millis = now;
    if (millis == STOPPED) {
      return start();
    }
    if (!(boolean) READ.getOpaque(this)) {
      READ.setOpaque(this, true); // At most once per tick: the line stays shared otherwise.
    }
    return millis;
  }

  private synchronized long start() {
    if (now == STOPPED) {
      READ.setOpaque(this, true);
      now = System.currentTimeMillis();
      Thread ticker = new Thread(this::tick, "tokenwise-clock");
      ticker.setDaemon(true);
      ticker.start();
    }
    return System.currentTimeMillis();
  }

  private void tick() {
    long lastRead = System.nanoTime();
    for (; ; ) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
      now = System.currentTimeMillis();
      if ((boolean) READ.getOpaque(this)) {
        READ.setOpaque(this, false);
        lastRead = System.nanoTime();
      } else if (System.nanoTime() - lastRead > IDLE_NANOS) {
        synchronized (this) {
          if (!(boolean) READ.getOpaque(this)) {
            now = STOPPED;
            return;
          }
        }
      }
    }
  }

  /** True while a ticker thread keeps the time (for tests). */
  boolean ticking() {
    return now != STOPPED;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : Clock.system(zone);
  }

  @Override
  public String toString() {
    return "TickingClock[" + TICK_MILLIS + " ms]";
  }
}
