package io.tokenwise.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Comparison 4: the token endpoint goes down for {@value #OUTAGE_SECONDS} s right after issuing a
 * token valid for {@value #TOKEN_SECONDS} s. Real time, no scaling. Every library runs at once,
 * each with one caller that calls every {@value #PERIOD_MILLIS} ms from the first token until
 * {@value #TRAFFIC_SECONDS} s, against its own endpoint. Run twice at once: the libraries with
 * their documented default margins, and the peers with margins scaled to this token's lifetime
 * (× 60 s / 1 h), which Tokenwise does by design.
 */
final class Outage {
  static final long TOKEN_SECONDS = 60;
  static final long OUTAGE_SECONDS = 30;
  static final long TRAFFIC_SECONDS = 35;
  static final long PERIOD_MILLIS = 10;

  record Result(Library library, boolean scaled, long calls, int failedInOutage, int failed,
      int requestsInOutage, long slowestMillis) {}

  private static final class Run {
    final Library library;
    final boolean scaled;
    final TokenServer server;
    final TokenSource source;
    long calls;
    int failed;
    int failedInOutage;
    long slowest;

    Run(Library library, boolean scaled) throws Exception {
      this.library = library;
      this.scaled = scaled;
      this.server = new TokenServer(0);
      server.expiresIn(n -> n == 1 ? TOKEN_SECONDS : 3_600);
      this.source = library.open(server, scaled ? TOKEN_SECONDS / 3_600.0 : 1.0);
    }

    void call(AtomicBoolean running, long outageStart, long outageEnd) {
      long next = System.nanoTime();
      while (running.get()) {
        long start = System.nanoTime();
        boolean ok;
        try {
          ok = source.token() != null;
        } catch (Exception e) {
          ok = false;
        }
        long end = System.nanoTime();
        calls++;
        slowest = Math.max(slowest, end - start);
        if (!ok) {
          failed++;
          if (start >= outageStart && start < outageEnd) {
            failedInOutage++;
          }
        }
        next += TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }
  }

  static List<Result> run() throws Exception {
    List<Run> runs = new ArrayList<>();
    for (Library library : Library.MAIN) {
      runs.add(new Run(library, false));
    }
    for (Library library : Library.MAIN) {
      if (library != Library.TOKENWISE) {
        runs.add(new Run(library, true));
      }
    }
    for (Run run : runs) {
      run.source.token();
      run.server.down(true); // Down right after issuing the 60 s token.
    }
    long outageStart = System.nanoTime();
    long outageEnd = outageStart + TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (Run run : runs) {
      Thread thread = new Thread(() -> run.call(running, outageStart, outageEnd),
          run.library.name() + "-outage-caller");
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(outageEnd - System.nanoTime()));
    for (Run run : runs) {
      run.server.down(false);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(TRAFFIC_SECONDS - OUTAGE_SECONDS));
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    List<Result> results = new ArrayList<>();
    for (Run run : runs) {
      results.add(new Result(run.library, run.scaled, run.calls, run.failedInOutage, run.failed,
          run.server.requestsBetween(outageStart, outageEnd), TokenServer.millis(run.slowest)));
      run.source.close();
      run.server.close();
    }
    return results;
  }
}
