package io.tokenwise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told and a scheduler on it: delayed tasks run when {@link #advance}
 * passes their time; immediate tasks run at once on one worker thread, never the caller's, so a
 * background refresh really is in the background; blocking token requests run on threads of their
 * own, as in production, and {@link #awaitIdle()} waits for them too.
 */
final class VirtualTime extends Clock implements Scheduler, AutoCloseable {
  private final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
  private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "virtual-time-worker");
    thread.setDaemon(true);
    return thread;
  });
  private final ExecutorService requests = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "virtual-time-request");
    thread.setDaemon(true);
    return thread;
  });
  /** Blocking requests started and not yet ended; guarded by itself. */
  private final int[] requestsRunning = {0};
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long sequence;

  private record Timer(long due, long sequence, Runnable task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer other) {
      return due != other.due ? Long.compare(due, other.due) : Long.compare(sequence, other.sequence);
    }
  }

  @Override
  public long millis() {
    return now.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(now.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable task) {
    worker.execute(task);
  }

  @Override
  public synchronized Scheduler.Timer schedule(Runnable task, long delayMillis) {
    Timer timer = new Timer(now.get() + delayMillis, sequence++, task);
    timers.add(timer);
    return () -> {
      synchronized (this) {
        timers.remove(timer);
      }
    };
  }

  @Override
  public void executeBlocking(Runnable request) {
    synchronized (requestsRunning) {
      requestsRunning[0]++;
    }
    requests.execute(() -> {
      try {
        request.run();
      } finally {
        synchronized (requestsRunning) {
          requestsRunning[0]--;
          requestsRunning.notifyAll();
        }
      }
    });
  }

  /**
   * Moves time forward, running each timer that falls due at its own moment, in order, and waiting
   * for it. Work handed to the worker otherwise is not waited for: see {@link #awaitIdle()}.
   */
  void advance(Duration duration) {
    long target = now.get() + duration.toMillis();
    for (; ; ) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.due > target) {
          break;
        }
        timers.poll();
      }
      now.set(Math.max(now.get(), next.due));
      execute(next.task);
      awaitIdle();
    }
    now.set(target);
  }

  /** When the next timer falls due, or -1. */
  synchronized long nextTimerDue() {
    Timer next = timers.peek();
    return next == null ? -1 : next.due;
  }

  /**
   * Waits until every task handed to the worker so far has run, and every blocking request has
   * ended (with what it handed to the worker in turn). A request that hangs until a timer cancels
   * it never ends here: advance time instead.
   */
  void awaitIdle() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      for (; ; ) {
        worker.submit(() -> { }).get(10, TimeUnit.SECONDS);
        synchronized (requestsRunning) {
          if (requestsRunning[0] == 0) {
            return; // A request's answer is handled before it ends: nothing new can come.
          }
          while (requestsRunning[0] > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new AssertionError("a token request did not end");
            }
            TimeUnit.NANOSECONDS.timedWait(requestsRunning, left);
          }
        }
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("worker did not become idle", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    requests.shutdownNow();
  }
}
