package io.tokenwise.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Comparison 3: callers blocked by a refresh over 20 token lifetimes of continuous traffic.
 *
 * <p>Tokens live {@value #LIFETIME_SECONDS} s and the endpoint answers in {@value #LATENCY_MILLIS}
 * ms. The peers' margins are scaled by 3 s / 1 h, so each treats these tokens as it treats
 * one-hour tokens with its defaults. Every library runs at once, each with {@value #THREADS}
 * caller threads that call, pause 1 ms, call again, and its own token endpoint.
 *
 * <p>A call counts as blocked when it took at least {@value #BLOCKED_MILLIS} ms (half the
 * endpoint's latency; an unblocked call takes microseconds) and its time overlaps a token request
 * of its library's endpoint: it waited on a token request, its own or another caller's.
 */
final class RefreshUnderTraffic {
  static final long LIFETIME_SECONDS = 3;
  static final int LIFETIMES = 20;
  static final long LATENCY_MILLIS = 20;
  static final long BLOCKED_MILLIS = 10;
  static final int THREADS = 2;
  static final List<Library> LIBRARIES = List.of(Library.TOKENWISE, Library.SPRING,
      Library.GOOGLE, Library.GOOGLE_ASYNC, Library.AWS, Library.AWS_NONBLOCKING);

  record Result(Library library, long calls, int failed, int tokenRequests, int blocked,
      int slowWithoutTokenRequest, long slowestMillis) {}

  /** One library's traffic: its callers record the calls slower than the threshold. */
  private static final class Run {
    final Library library;
    final TokenServer server;
    final TokenSource source;
    final List<long[]> slowCalls = new ArrayList<>();
    long calls;
    int failed;
    long slowest;

    Run(Library library) throws Exception {
      this.library = library;
      this.server = new TokenServer(LATENCY_MILLIS);
      server.expiresIn(n -> LIFETIME_SECONDS);
      this.source = library.open(server, LIFETIME_SECONDS / 3_600.0);
    }

    void call(AtomicBoolean running) {
      long threshold = TimeUnit.MILLISECONDS.toNanos(BLOCKED_MILLIS);
      long calls = 0;
      int failed = 0;
      long slowest = 0;
      List<long[]> slow = new ArrayList<>();
      while (running.get()) {
        long start = System.nanoTime();
        try {
          if (source.token() == null) {
            failed++;
          }
        } catch (Exception e) {
          failed++;
        }
        long end = System.nanoTime();
        calls++;
        slowest = Math.max(slowest, end - start);
        if (end - start >= threshold) {
          slow.add(new long[] {start, end});
        }
        LockSupport.parkNanos(1_000_000);
      }
      synchronized (this) {
        this.calls += calls;
        this.failed += failed;
        this.slowest = Math.max(this.slowest, slowest);
        slowCalls.addAll(slow);
      }
    }

    synchronized Result result(int tokenRequests) {
      List<TokenServer.Exchange> exchanges = server.log();
      int blocked = 0;
      for (long[] call : slowCalls) {
        if (server.overlapsRequest(exchanges, call[0], call[1])) {
          blocked++;
        }
      }
      return new Result(library, calls, failed, tokenRequests, blocked,
          slowCalls.size() - blocked, TokenServer.millis(slowest));
    }
  }

  static List<Result> run() throws Exception {
    List<Run> runs = new ArrayList<>();
    for (Library library : LIBRARIES) {
      Run run = new Run(library);
      run.source.token(); // The first token: every library waits for that one.
      runs.add(run);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (Run run : runs) {
      for (int i = 0; i < THREADS; i++) {
        Thread thread = new Thread(() -> run.call(running), run.library.name() + "-caller-" + i);
        thread.start();
        threads.add(thread);
      }
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(LIFETIME_SECONDS * LIFETIMES));
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    List<Result> results = new ArrayList<>();
    for (Run run : runs) {
      results.add(run.result(run.server.requests() - 1));
      run.source.close();
      run.server.close();
    }
    return results;
  }
}
