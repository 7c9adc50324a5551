package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The default clock: follows the wall clock while read, and leaves no thread when idle. */
final class TickingClockTest {
  private final TickingClock clock = TickingClock.INSTANCE;

  @Test
  void followsTheWallClockWhileRead() throws Exception {
    long previous = clock.millis();
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (System.nanoTime() < until) {
      long millis = clock.millis();
      long wall = System.currentTimeMillis();
      assertTrue(millis >= previous, "went back from " + previous + " to " + millis);
      assertTrue(millis <= wall, "ahead of the wall clock: " + millis + " > " + wall);
      // Generous: a loaded machine may starve the ticker, never by a second.
      assertTrue(wall - millis < 1_000, "behind the wall clock by " + (wall - millis) + " ms");
      previous = millis;
      Thread.sleep(1);
    }
    assertTrue(clock.ticking());
    assertTrue(tickerThreads() == 1, "one ticker thread: " + tickerThreads());
  }

  @Test
  void tickerEndsWhenIdleAndRestartsOnTheNextRead() throws Exception {
    clock.millis();
    assertTrue(clock.ticking());
    awaitCondition(() -> !clock.ticking() && tickerThreads() == 0, "the idle ticker to end");
    long wall = System.currentTimeMillis();
    long millis = clock.millis();
    assertTrue(Math.abs(millis - wall) < 1_000, "restarted at the wall clock");
    assertTrue(clock.ticking());
    Thread ticker = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("tokenwise-clock")).findFirst().orElseThrow();
    assertTrue(ticker.isDaemon());
    assertFalse(ticker.isInterrupted());
  }

  private static long tickerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("tokenwise-clock") && t.isAlive()).count();
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
