package io.tokenwise.benchmarks;

import io.tokenwise.TokenCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Comparison 4: the token endpoint goes down while a one-hour token is still valid, for a window
 * that covers every library's refresh point and ends {@value #PAST_HARD_MARGIN_SECONDS} s (of the
 * hour) after the latest hard margin. Time runs {@value #SPEEDUP}× fast: one virtual hour is one
 * real minute. Every row runs at once, each against its own endpoint, with one caller that calls
 * every {@value #PERIOD_MILLIS} ms (real; {@value #SPEEDUP} × that in virtual time).
 *
 * <p>How the hour is compressed. The peers read the system clock, and their only time rule is
 * expiry against margins; so they get tokens of {@code 3600 / SPEEDUP} s with their documented
 * margins divided by {@value #SPEEDUP}, which is exactly a one-hour token with default margins
 * on a clock {@value #SPEEDUP}× fast. Tokenwise takes its clock from {@code
 * TokenCache.Builder.clock} (public) and gets real one-hour tokens; its timers (backoff, waits,
 * request deadline) run in real time, so each of its durations is divided by {@value #SPEEDUP}
 * too: the "defaults" row keeps every default's length in virtual time.
 *
 * <p>Virtual timeline of each token (issued at 0): Tokenwise refreshes at 45-51 min, hard margin
 * 59:00; Spring's clock skew 59:00; Google's refresh margin 56:15, expiration margin 57:00; AWS's
 * prefetch 55:00, stale 59:00. The outage runs from 40:00 to 59:30; the calls until 63:00.
 */
final class Outage {
  static final int SPEEDUP = 60;
  static final long OUTAGE_FROM_SECONDS = 40 * 60;
  static final long OUTAGE_TO_SECONDS = 59 * 60 + 30;
  static final long PAST_HARD_MARGIN_SECONDS = 30;
  static final long TRAFFIC_SECONDS = 63 * 60;
  static final long PERIOD_MILLIS = 100;

  /** One row: a library and its settings. */
  enum Row {
    TOKENWISE("Tokenwise", "defaults (durations ÷ 60)", null, Duration.ofSeconds(30)),
    TOKENWISE_TUNED("Tokenwise", "tuned: maxBackoff 5 s", null, Duration.ofSeconds(5)),
    SPRING("Spring Security", "defaults (clockSkew 60 s)", Library.SPRING, null),
    GOOGLE("google-auth-library", "defaults (margins 3 min 45 s / 3 min)", Library.GOOGLE, null),
    GOOGLE_ASYNC("google-auth-library", "tuned: async getRequestMetadata", Library.GOOGLE_ASYNC,
        null),
    AWS("AWS CachedSupplier", "defaults (prefetch 5 min, stale 1 min, STRICT)", Library.AWS, null),
    AWS_ALLOW("AWS CachedSupplier", "tuned: staleValueBehavior ALLOW", Library.AWS_ALLOW_STALE,
        null);

    final String title;
    final String settings;
    final Library peer;
    final Duration maxBackoff;

    Row(String title, String settings, Library peer, Duration maxBackoff) {
      this.title = title;
      this.settings = settings;
      this.peer = peer;
      this.maxBackoff = maxBackoff;
    }
  }

  /** Counts in calls and token requests; times in virtual seconds of the hour. */
  record Result(Row row, long calls, int failed, int failedBeforeOutageEnd,
      int failedAfterOutage, long firstFailure, long lastFailure, int requestsInOutage,
      int requests) {}

  private static final class Run {
    final Row row;
    final TokenServer server;
    final TokenSource source;
    final long startNanos;
    long calls;
    int failed;
    int failedBeforeOutageEnd;
    int failedAfterOutage;
    long firstFailure = -1;
    long lastFailure = -1;

    Run(Row row, long startNanos) throws Exception {
      this.row = row;
      this.startNanos = startNanos;
      this.server = new TokenServer(0);
      if (row.peer == null) {
        server.expiresIn(n -> 3_600);
        this.source = Library.tokenwise(server, scaledCache(row.maxBackoff, startNanos));
      } else {
        server.expiresIn(n -> 3_600 / SPEEDUP);
        this.source = row.peer.open(server, 1.0 / SPEEDUP);
      }
    }

    long virtualSeconds(long nanos) {
      return TimeUnit.NANOSECONDS.toSeconds((nanos - startNanos) * SPEEDUP);
    }

    void call(AtomicBoolean running) {
      long next = System.nanoTime();
      while (running.get()) {
        long start = System.nanoTime();
        boolean ok;
        try {
          ok = source.token() != null;
        } catch (Exception e) {
          ok = false;
        }
        calls++;
        if (!ok) {
          long at = virtualSeconds(start);
          failed++;
          if (at < OUTAGE_TO_SECONDS) {
            failedBeforeOutageEnd++;
          } else {
            failedAfterOutage++;
          }
          firstFailure = firstFailure < 0 ? at : firstFailure;
          lastFailure = at;
        }
        next += TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }
  }

  /** Tokenwise's cache on a clock {@value #SPEEDUP}× fast, each default duration ÷ 60. */
  static TokenCache scaledCache(Duration maxBackoff, long startNanos) {
    return TokenCache.builder()
        .clock(new FastClock(Instant.now(), startNanos))
        .maxBackoff(maxBackoff.dividedBy(SPEEDUP))
        .minRequestInterval(Duration.ofSeconds(1).dividedBy(SPEEDUP))
        .tokenRequestTimeout(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .waitTimeout(Duration.ofSeconds(30).dividedBy(SPEEDUP))
        .rejectionMemory(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .forcedRefreshInterval(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .build();
  }

  /** Wall time that runs {@value #SPEEDUP}× fast from {@code origin}. */
  private static final class FastClock extends Clock {
    private final Instant origin;
    private final long originNanos;

    FastClock(Instant origin, long originNanos) {
      this.origin = origin;
      this.originNanos = originNanos;
    }

    @Override
    public long millis() {
      return origin.toEpochMilli()
          + TimeUnit.NANOSECONDS.toMillis((System.nanoTime() - originNanos) * SPEEDUP);
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
      throw new UnsupportedOperationException();
    }
  }

  static List<Result> run() throws Exception {
    long start = System.nanoTime();
    List<Run> runs = new ArrayList<>();
    for (Row row : Row.values()) {
      runs.add(new Run(row, start));
    }
    for (Run run : runs) {
      run.source.token(); // each library's first token, at virtual ~0
    }
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (Run run : runs) {
      Thread thread = new Thread(() -> run.call(running), run.row.name() + "-outage-caller");
      thread.start();
      threads.add(thread);
    }
    long outageStart = start + realNanos(OUTAGE_FROM_SECONDS);
    long outageEnd = start + realNanos(OUTAGE_TO_SECONDS);
    sleepUntil(outageStart);
    runs.forEach(run -> run.server.down(true));
    sleepUntil(outageEnd);
    runs.forEach(run -> run.server.down(false));
    sleepUntil(start + realNanos(TRAFFIC_SECONDS));
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    List<Result> results = new ArrayList<>();
    for (Run run : runs) {
      results.add(new Result(run.row, run.calls, run.failed, run.failedBeforeOutageEnd,
          run.failedAfterOutage, run.firstFailure, run.lastFailure,
          run.server.requestsBetween(outageStart, outageEnd), run.server.requests()));
      run.source.close();
      run.server.close();
    }
    return results;
  }

  private static long realNanos(long virtualSeconds) {
    return TimeUnit.SECONDS.toNanos(virtualSeconds) / SPEEDUP;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private Outage() {}
}
