package io.tokenwise.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Comparison 2: 1,000 callers arrive together just after the token expired (in the library's own
 * terms), each library with its default settings and its own instance of the same local token
 * endpoint, which answers in {@value #LATENCY_MILLIS} ms.
 */
final class Stampede {
  static final int CALLERS = 1_000;
  static final long LATENCY_MILLIS = 100;

  /** Token requests the stampede caused, the slowest caller's wait, callers that failed. */
  record Result(Library library, int tokenRequests, long slowestMillis, int failed,
      String firstFailure) {}

  static List<Result> run() throws Exception {
    List<Result> results = new ArrayList<>();
    for (Library library : Library.MAIN) {
      results.add(run(library));
    }
    return results;
  }

  /**
   * The first token lives just past the library's own expiry margin (Spring's clock skew 60 s,
   * Google's expiration margin 3 min, AWS's stale time 1 min, Tokenwise's hard margin) and is
   * unusable 2 s later; the tokens after it live one hour.
   */
  static long firstLifetimeSeconds(Library library) {
    return switch (library) {
      case TOKENWISE -> 2; // hard margin L/4: unusable from 1.5 s
      case SPRING, AWS, AWS_NONBLOCKING, AWS_ALLOW_STALE -> 61;
      case GOOGLE, GOOGLE_ASYNC -> 181;
    };
  }

  static Result run(Library library) throws Exception {
    try (TokenServer server = new TokenServer(LATENCY_MILLIS);
        TokenSource source = library.open(server, 1.0)) {
      long first = firstLifetimeSeconds(library);
      server.expiresIn(n -> n == 1 ? first : 3_600);
      source.token();
      Thread.sleep(2_000); // No calls meanwhile: nothing refreshes ahead.

      CountDownLatch ready = new CountDownLatch(CALLERS);
      CountDownLatch go = new CountDownLatch(1);
      AtomicLong slowest = new AtomicLong();
      AtomicInteger failed = new AtomicInteger();
      AtomicReference<String> firstFailure = new AtomicReference<>("");
      long[] released = new long[1];
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        Thread caller = new Thread(() -> {
          ready.countDown();
          try {
            go.await();
            source.token();
          } catch (Exception | Error e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet("", describe(e));
          }
          slowest.accumulateAndGet(System.nanoTime() - released[0], Math::max);
        }, "stampede-" + i);
        caller.start();
        callers.add(caller);
      }
      ready.await();
      Thread.sleep(100); // Let every caller park on the latch.
      int before = server.requests();
      released[0] = System.nanoTime();
      go.countDown();
      for (Thread caller : callers) {
        caller.join();
      }
      Thread.sleep(LATENCY_MILLIS * 3); // Count requests still on the wire.
      return new Result(library, server.requests() - before, TokenServer.millis(slowest.get()),
          failed.get(), firstFailure.get());
    }
  }

  /** The exception and its root cause, for the report: no token is in these messages. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + (root == e ? "" : " caused by "
        + root.getClass().getSimpleName() + ": " + root.getMessage());
  }
}
