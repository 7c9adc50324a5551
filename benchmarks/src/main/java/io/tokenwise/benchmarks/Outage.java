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
    final FastClock clock; // Tokenwise's; null for a peer
    long origin; // when the first token was asked for: 0:00 of the virtual hour
    long calls;
    int failed;
    int failedBeforeOutageEnd;
    int failedAfterOutage;
    long firstFailure = -1;
    long lastFailure = -1;

    Run(Row row) throws Exception {
      this.row = row;
      this.server = new TokenServer(0);
      if (row.peer == null) {
        server.expiresIn(n -> 3_600);
        this.clock = new FastClock();
        this.source = Library.tokenwise(server, scaledCache(row.maxBackoff, clock));
      } else {
        server.expiresIn(n -> 3_600 / SPEEDUP);
        this.clock = null;
        this.source = row.peer.open(server, 1.0 / SPEEDUP);
      }
    }

    /** Asks for the first token, at 0:00 of this run's virtual hour. */
    void firstToken() throws Exception {
      origin = System.nanoTime();
      if (clock != null) {
        clock.start(origin);
      }
      source.token();
    }

    long virtualSeconds(long nanos) {
      return TimeUnit.NANOSECONDS.toSeconds((nanos - origin) * SPEEDUP);
    }

    long at(long virtualSeconds) {
      return origin + TimeUnit.SECONDS.toNanos(virtualSeconds) / SPEEDUP;
    }

    /** Calls until the end of the hour; takes its endpoint down and up on this run's timeline. */
    void call() {
      long next = System.nanoTime();
      long end = at(TRAFFIC_SECONDS);
      boolean down = false;
      boolean back = false;
      while (next - end < 0) {
        long start = System.nanoTime();
        if (!down && start - at(OUTAGE_FROM_SECONDS) >= 0) {
          server.down(true);
          down = true;
        }
        if (!back && start - at(OUTAGE_TO_SECONDS) >= 0) {
          server.down(false);
          back = true;
        }
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
  static TokenCache scaledCache(Duration maxBackoff, Clock clock) {
    return TokenCache.builder()
        .clock(clock)
        .maxBackoff(maxBackoff.dividedBy(SPEEDUP))
        .minRequestInterval(Duration.ofSeconds(1).dividedBy(SPEEDUP))
        .tokenRequestTimeout(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .waitTimeout(Duration.ofSeconds(30).dividedBy(SPEEDUP))
        .rejectionMemory(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .forcedRefreshInterval(Duration.ofSeconds(10).dividedBy(SPEEDUP))
        .build();
  }

  /** Wall time that runs {@value #SPEEDUP}× fast from {@link #start}, real time before. */
  private static final class FastClock extends Clock {
    private volatile long originMillis = Long.MIN_VALUE;
    private volatile long originNanos;

    void start(long nanos) {
      originNanos = nanos;
      originMillis = System.currentTimeMillis();
    }

    @Override
    public long millis() {
      long from = originMillis;
      return from == Long.MIN_VALUE ? System.currentTimeMillis()
          : from + TimeUnit.NANOSECONDS.toMillis((System.nanoTime() - originNanos) * SPEEDUP);
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
    List<Run> runs = new ArrayList<>();
    for (Row row : Row.values()) {
      runs.add(new Run(row));
    }
    List<Thread> threads = new ArrayList<>();
    for (Run run : runs) {
      run.firstToken(); // each run's hour starts here; its caller starts at once
      Thread thread = new Thread(run::call, run.row.name() + "-outage-caller");
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<Result> results = new ArrayList<>();
    for (Run run : runs) {
      results.add(new Result(run.row, run.calls, run.failed, run.failedBeforeOutageEnd,
          run.failedAfterOutage, run.firstFailure, run.lastFailure,
          run.server.requestsBetween(run.at(OUTAGE_FROM_SECONDS), run.at(OUTAGE_TO_SECONDS)),
          run.server.requests()));
      run.source.close();
      run.server.close();
    }
    return results;
  }

  private Outage() {}
}
