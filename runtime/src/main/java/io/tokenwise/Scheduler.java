package io.tokenwise;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs token requests off the callers' threads, now or after a delay; virtual in tests. */
interface Scheduler {
  void execute(Runnable task);

  void schedule(Runnable task, long delayMillis);

  /** One process-wide pool of daemon threads that end when idle: dropped clients leak nothing. */
  static Scheduler shared() {
    return Shared.INSTANCE;
  }

  final class Shared implements Scheduler {
    static final Shared INSTANCE = new Shared();

    private final ScheduledThreadPoolExecutor executor;

    private Shared() {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory threads = task -> {
        Thread thread = new Thread(task, "tokenwise-refresh-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
      executor = new ScheduledThreadPoolExecutor(4, threads);
      executor.setKeepAliveTime(10, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
      executor.execute(task);
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
      executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }
  }
}
