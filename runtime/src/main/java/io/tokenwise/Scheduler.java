package io.tokenwise;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the token lifecycle runs, off the callers' threads: its own short tasks, now or after a
 * delay (an attempt, a retry's backoff, a token request's deadline), and the blocking token
 * requests themselves. Virtual in tests.
 */
interface Scheduler {
  /** Runs a short task that never waits for the network. */
  void execute(Runnable task);

  /** Runs {@code task} after {@code delayMillis}, unless the returned timer is cancelled first. */
  Timer schedule(Runnable task, long delayMillis);

  /** Runs a blocking token request on a thread of its own, never queued behind another. */
  void executeBlocking(Runnable request);

  /** A scheduled task. */
  interface Timer {
    /** The task will not run, if it has not started yet. */
    void cancel();
  }

  /** The process-wide threads: daemons that end when idle, so dropped clients leak nothing. */
  static Scheduler shared() {
    return Shared.INSTANCE;
  }

  final class Shared implements Scheduler {
    static final Shared INSTANCE = new Shared();

    private final ScheduledThreadPoolExecutor timers;
    /**
     * OkHttp's I/O blocks a thread per call, so every token request gets a thread of its own: no
     * key ever waits for another key's request, however slowly that one trickles (a fixed pool of
     * four let four hanging endpoints hold back every other key). A key has at most one request in
     * flight and the cache cancels it at its deadline, so these threads are bounded by the keys
     * fetching at that moment. Not the base client's dispatcher ({@code enqueue}): its per-host
     * limit (5 by default) would queue a sixth tenant's token request behind slow ones, and the
     * application's own asynchronous calls to that host behind token requests.
     */
    private final ExecutorService requests;

    private Shared() {
      // Two threads are plenty: no task here waits for the network.
      timers = new ScheduledThreadPoolExecutor(2, daemons("tokenwise-refresh-"));
      timers.setKeepAliveTime(10, TimeUnit.SECONDS);
      timers.allowCoreThreadTimeOut(true);
      // A cancelled deadline leaves the queue at once, with the entry it refers to.
      timers.setRemoveOnCancelPolicy(true);
      requests = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
          new SynchronousQueue<>(), daemons("tokenwise-token-request-"));
    }

    private static ThreadFactory daemons(String prefix) {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }

    @Override
    public void execute(Runnable task) {
      timers.execute(task);
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
      ScheduledFuture<?> scheduled = timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      return () -> scheduled.cancel(false);
    }

    @Override
    public void executeBlocking(Runnable request) {
      requests.execute(request);
    }
  }
}
