package io.tokenwise.examples;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEndpointUnavailableException;
import io.tokenwise.TokenException;
import io.tokenwise.testing.ProviderEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Continuous traffic from many threads through the generated clients of all four providers while
 * {@link FaultInjectingTokenProxy} breaks the token endpoint: random 500/503/429/dropped
 * connections/2 s stalls and full outages placed while tokens are valid. Every API call is
 * classified against an outside oracle, the proxy's record of when each token was requested and
 * delivered: a call that failed while some token of its key was inside its usable window (the
 * lifetime minus DESIGN.md's hard margin, measured from the request) is a Tokenwise failure; one
 * that failed outside every window failed for want of a token and must say so with a typed
 * {@link TokenException}.
 */
final class FaultSoak {
  /** How long, how hard and how broken. */
  record Settings(Duration duration, long seed, int threads, Duration tokenLifetime,
      Duration outage, Duration firstOutage, Duration outageEvery, Duration thinkTime) {

    /** The short soak of the normal build, or what {@code -Dtokenwise.soak.*} asks for. */
    static Settings fromSystemProperties() {
      Duration duration = Duration.parse(System.getProperty("tokenwise.soak.duration", "PT60S"));
      return new Settings(duration,
          Long.getLong("tokenwise.soak.seed", 7L),
          Integer.getInteger("tokenwise.soak.threads", 16),
          Duration.ofSeconds(4),
          Duration.ofSeconds(20),
          duration.compareTo(Duration.ofMinutes(3)) < 0 ? duration.dividedBy(4) : Duration.ofMinutes(1),
          Duration.ofSeconds(150),
          Duration.ofMillis(Long.getLong("tokenwise.soak.thinkMillis", 10L)));
    }

  }

  /**
   * Shared daemon threads that end on their own when idle: OkHttp's (after 60 s; a TaskRunner
   * thread takes the name of the task it runs, "OkHttp ConnectionPool connection closer", ...)
   * and Tokenwise's clock ticker and refresh pool (after 1 s and 10 s), which a retry scheduled
   * before the traffic stopped may still be using.
   */
  static boolean endsWhenIdle(String threadName) {
    return threadName.startsWith("OkHttp ") || threadName.equals("Okio Watchdog")
        || threadName.equals("tokenwise-clock") || threadName.startsWith("tokenwise-refresh-");
  }

  /** Slack on both ends of a usable window for the clocks of two threads. */
  static final long EDGE_MARGIN_MILLIS = 100;

  /** One provider's calls. */
  static final class Calls {
    final AtomicLong total = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong servedDuringOutage = new AtomicLong();
    final AtomicLong failedWithUsableToken = new AtomicLong();
    final AtomicLong failedNearWindowEdge = new AtomicLong();
    final Map<String, AtomicLong> failedWithoutToken = new ConcurrentHashMap<>();
    final AtomicLong untypedFailures = new AtomicLong();
    final AtomicLong failedWithoutTokenOutsideOutages = new AtomicLong();
    final List<String> samples = new CopyOnWriteArrayList<>();
    final List<Long> recoveryMillis = new CopyOnWriteArrayList<>();
    final AtomicLong maxOkMillis = new AtomicLong();
    /** Soak milliseconds at which an outage ended, until the first call succeeds after it. */
    final AtomicLong awaitingRecoverySince = new AtomicLong();

    void sample(String text) {
      if (samples.size() < 5) {
        samples.add(text);
      }
    }
  }

  /** Everything measured; {@link #toMarkdown} for docs/RELIABILITY.md. */
  record Report(Settings settings, long elapsedMillis, Map<Provider, Calls> calls,
      FaultInjectingTokenProxy proxy, List<long[]> outages, Map<Provider, List<Long>> validAtOutage,
      int threadsBefore, int threadsPeak, int threadsAfter, List<String> leakedThreads,
      long socketsBefore, long socketsPeak, long socketsAfter, Map<String, Integer> logEvents,
      List<String> leaks, String loadBefore, String loadAfter) {

    long total(java.util.function.Function<Calls, AtomicLong> field) {
      return calls.values().stream().mapToLong(c -> field.apply(c).get()).sum();
    }

    String toMarkdown() {
      StringBuilder md = new StringBuilder();
      md.append(String.format(Locale.ROOT, "Duration %.1f s, seed %d, %d threads, %d s tokens,"
              + " %.0f %% faulty answers, %d outage(s) of %d s; %d CPUs, load average %s before,"
              + " %s after.%n%n", elapsedMillis / 1000.0, settings.seed(), settings.threads(),
          settings.tokenLifetime().toSeconds(), FaultInjectingTokenProxy.faultShare() * 100,
          outages.size(),
          settings.outage().toSeconds(), Runtime.getRuntime().availableProcessors(), loadBefore,
          loadAfter));
      md.append("| | ").append(String.join(" | ", calls.keySet().stream().map(Enum::name).toList()))
          .append(" |\n|---|").append("---:|".repeat(calls.size())).append('\n');
      row(md, "API calls", p -> calls.get(p).total.get());
      row(md, "succeeded", p -> calls.get(p).ok.get());
      row(md, "**failed while a usable token existed**", p -> calls.get(p).failedWithUsableToken.get());
      row(md, "failed for want of a token (TokenEndpointUnavailableException)",
          p -> calls.get(p).failedWithoutToken.getOrDefault("TokenEndpointUnavailableException",
              new AtomicLong()).get());
      row(md, "... of which not during an outage or the 10 s after it",
          p -> calls.get(p).failedWithoutTokenOutsideOutages.get());
      row(md, "other failures (any other exception or API error)",
          p -> calls.get(p).untypedFailures.get() + calls.get(p).failedWithoutToken.entrySet().stream()
              .filter(e -> !e.getKey().equals("TokenEndpointUnavailableException"))
              .mapToLong(e -> e.getValue().get()).sum());
      row(md, "failures while a token's usable window began or ended",
          p -> calls.get(p).failedNearWindowEdge.get());
      row(md, "served from a still-valid token during outages", p -> calls.get(p).servedDuringOutage.get());
      row(md, "token requests", p -> proxy.stats(p).requests.get());
      row(md, "tokens issued (fetches and refreshes)", p -> proxy.stats(p).tokensIssued.get());
      rowText(md, "token requests per second", p -> String.format(Locale.ROOT, "%.2f",
          proxy.stats(p).requests.get() * 1000.0 / elapsedMillis));
      row(md, "most token requests in flight at once", p -> proxy.stats(p).maxInFlight.get());
      row(md, "requests sooner than a Retry-After allowed", p -> proxy.stats(p).retryAfterViolations.get());
      for (FaultInjectingTokenProxy.Fault fault : FaultInjectingTokenProxy.Fault.values()) {
        if (fault != FaultInjectingTokenProxy.Fault.NONE) {
          row(md, "injected: " + fault.name().toLowerCase(Locale.ROOT).replace('_', ' '),
              p -> proxy.stats(p).faults.get(fault).get());
        }
      }
      rowText(md, "usable token left at outage start (ms)", p -> validAtOutage.get(p).toString());
      rowText(md, "first success after outage end (ms)", p -> calls.get(p).recoveryMillis.toString());
      rowText(md, "slowest successful call (ms)", p -> String.valueOf(calls.get(p).maxOkMillis.get()));
      md.append(String.format(Locale.ROOT, "%nThreads (without the emulator's and the fault"
              + " proxy's server threads): %d before, %d at peak, %d after%s. Sockets: %d before,"
              + " %d at peak, %d after. Tokenwise log lines: %s. Secrets or tokens in logs and"
              + " exception messages: %d.%n", threadsBefore, threadsPeak, threadsAfter,
          leakedThreads.isEmpty() ? "" : " " + leakedThreads, socketsBefore, socketsPeak,
          socketsAfter, logEvents, leaks.size()));
      for (Provider provider : calls.keySet()) {
        for (String sample : calls.get(provider).samples) {
          md.append("\n- ").append(provider).append(": ").append(sample);
        }
      }
      return md.toString();
    }

    private void row(StringBuilder md, String name, java.util.function.ToLongFunction<Provider> value) {
      rowText(md, name, p -> String.valueOf(value.applyAsLong(p)));
    }

    private void rowText(StringBuilder md, String name,
        java.util.function.Function<Provider, String> value) {
      md.append("| ").append(name).append(" | ").append(String.join(" | ",
          calls.keySet().stream().map(value).toList())).append(" |\n");
    }
  }

  private final Settings settings;
  private final long start = System.nanoTime();
  private final ThreadLocal<long[]> tokenLookupAt = ThreadLocal.withInitial(() -> new long[1]);
  private final Map<Provider, Calls> calls = new EnumMap<>(Provider.class);
  /** When the client started its latest token call per provider: token lifetimes count from it. */
  private final Map<Provider, AtomicLong> tokenCallStartedAt = new EnumMap<>(Provider.class);
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> logEvents = new TreeMap<>();
  private volatile boolean stop;
  private volatile long outageStartedAt = -1;
  private volatile long outageEndedAt = -1;

  FaultSoak(Settings settings) {
    this.settings = settings;
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      calls.put(provider, new Calls());
      tokenCallStartedAt.put(provider, new AtomicLong(Long.MAX_VALUE));
    }
  }

  long now() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  Report run() throws InterruptedException {
    Logger tokenwiseLog = Logger.getLogger("io.tokenwise");
    Level level = tokenwiseLog.getLevel();
    boolean parents = tokenwiseLog.getUseParentHandlers();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String message = record.getMessage();
        messages.add(message);
        String event = message.contains("] fetched token") ? "fetched"
            : message.contains("] refreshed token") ? "refreshed"
            : message.contains("retry in") ? "retried"
            : message.contains("giving up") ? "gave up"
            : message.contains("refreshing ahead") ? "refresh started"
            : record.getLevel().getName();
        synchronized (logEvents) {
          logEvents.merge(event, 1, Integer::sum);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    // Count every lifecycle line instead of printing thousands into the build's output.
    tokenwiseLog.setLevel(Level.FINE);
    tokenwiseLog.setUseParentHandlers(false);
    tokenwiseLog.addHandler(capture);
    try (ProviderEmulator emulator = ProviderEmulator.start();
        FaultInjectingTokenProxy proxy = new FaultInjectingTokenProxy(emulator, this::now,
            p -> tokenCallStartedAt.get(p).get(), settings.seed())) {
      return run(emulator, proxy);
    } finally {
      tokenwiseLog.removeHandler(capture);
      tokenwiseLog.setLevel(level);
      tokenwiseLog.setUseParentHandlers(parents);
    }
  }

  private Report run(ProviderEmulator emulator, FaultInjectingTokenProxy proxy)
      throws InterruptedException {
    String loadBefore = loadAverage();
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      emulator.tokenLifetime(provider, settings.tokenLifetime());
    }
    // The application's one client: its pool and dispatcher serve all four providers. Its
    // application interceptor runs just before Tokenwise looks up the token.
    // Its event listener, which Tokenwise's token client keeps, sees when token calls start.
    OkHttpClient base = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          tokenLookupAt.get()[0] = now();
          return chain.proceed(chain.request());
        })
        .eventListener(new EventListener() {
          @Override
          public void callStart(okhttp3.Call call) {
            List<String> path = call.request().url().pathSegments();
            if (path.size() == 2 && path.get(1).equals("token")) {
              tokenCallStartedAt.get(Provider.valueOf(path.get(0))).set(now());
            }
          }
        })
        .build();
    TokenCache cache = TokenCache.create();
    Map<Provider, IntFunction<Call<?>>> clients = new EnumMap<>(Provider.class);
    // Tokens come through the misbehaving proxy; API calls go to the emulator itself.
    EmulatedClients emulated = new EmulatedClients(emulator, (provider, builder) -> builder
        .tokenUrl(proxy.tokenUrl(provider)).okHttpClient(base).tokenCache(cache));
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      clients.put(provider, emulated.calls(provider));
    }

    Set<Thread> threadsBefore = liveThreads();
    long socketsBefore = openSockets();
    List<Thread> traffic = new ArrayList<>();
    for (int i = 0; i < settings.threads(); i++) {
      Provider provider = ProviderEmulator.PROVIDERS.get(i % ProviderEmulator.PROVIDERS.size());
      Thread thread = new Thread(() -> traffic(provider, clients.get(provider), proxy),
          "soak-traffic-" + i);
      thread.setDaemon(true);
      traffic.add(thread);
    }
    traffic.forEach(Thread::start);

    List<long[]> outages = new ArrayList<>();
    Map<Provider, List<Long>> validAtOutage = new EnumMap<>(Provider.class);
    ProviderEmulator.PROVIDERS.forEach(p -> validAtOutage.put(p, new ArrayList<>()));
    int threadsPeak = 0;
    long socketsPeak = 0;
    long end = settings.duration().toMillis();
    long nextOutage = settings.firstOutage().toMillis();
    while (now() < end) {
      threadsPeak = Math.max(threadsPeak, liveThreads().size());
      socketsPeak = Math.max(socketsPeak, openSockets());
      // Room for up to 10 s of waiting for valid tokens, the outage and 10 s to recover.
      if (now() >= nextOutage && now() + 10_000 + settings.outage().toMillis() + 10_000 <= end) {
        outages.add(outage(proxy, validAtOutage));
        nextOutage = now() + settings.outageEvery().toMillis();
        continue;
      }
      Thread.sleep(200);
    }

    stop = true;
    for (Thread thread : traffic) {
      thread.join(60_000);
    }
    long elapsed = now();
    String loadAfter = loadAverage();

    // An application shutting down closes its idle connections; everything else must be gone.
    base.connectionPool().evictAll();
    proxy.evictConnections();
    // OkHttp ends its idle pool threads after 60 s: the long soak waits for them, the short one
    // accepts them once everything else is back (the test bounds their number).
    long settleUntil = now() + (settings.duration().toMinutes() >= 5 ? 75_000 : 15_000);
    List<String> leaked;
    long socketsAfter;
    for (; ; ) {
      Thread.sleep(200);
      // A retry scheduled before the traffic stopped may still open a connection: close again.
      base.connectionPool().evictAll();
      proxy.evictConnections();
      socketsAfter = openSockets();
      leaked = liveThreads().stream().filter(t -> !threadsBefore.contains(t))
          .map(Thread::getName).sorted().toList();
      boolean back = socketsAfter <= socketsBefore && leaked.isEmpty();
      if (back || now() > settleUntil) {
        break;
      }
    }

    Set<String> secrets = new HashSet<>(proxy.tokenValues());
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      secrets.add(emulator.credentials(provider).secret());
    }
    List<String> leaks = messages.stream()
        .filter(message -> secrets.stream().anyMatch(message::contains)).toList();
    return new Report(settings, elapsed, calls, proxy, outages, validAtOutage, threadsBefore.size(),
        threadsPeak, threadsBefore.size() + leaked.size(), leaked, socketsBefore, socketsPeak,
        socketsAfter, Map.copyOf(logEvents), leaks, loadBefore, loadAfter);
  }

  /**
   * A full outage, started once every provider holds a token usable for at least another second
   * (or after 10 s of waiting for that), so that it begins while tokens are valid.
   */
  private long[] outage(FaultInjectingTokenProxy proxy, Map<Provider, List<Long>> validAtOutage)
      throws InterruptedException {
    long waitUntil = now() + 10_000;
    while (now() < waitUntil && ProviderEmulator.PROVIDERS.stream()
        .anyMatch(p -> usableLeft(proxy, p, now()) < 1_000)) {
      Thread.sleep(5);
    }
    long startedAt = now();
    proxy.outage(true);
    outageStartedAt = startedAt;
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      validAtOutage.get(provider).add(Math.max(0, usableLeft(proxy, provider, startedAt)));
    }
    Thread.sleep(settings.outage().toMillis());
    proxy.outage(false);
    long endedAt = now();
    outageEndedAt = endedAt;
    calls.values().forEach(c -> c.awaitingRecoverySince.set(endedAt));
    return new long[] {startedAt, endedAt};
  }

  /** How much longer the newest token of {@code provider} may be sent, as of {@code at}. */
  private static long usableLeft(FaultInjectingTokenProxy proxy, Provider provider, long at) {
    return proxy.stats(provider).issued().stream()
        .filter(t -> t.deliveredAt() <= at)
        .mapToLong(t -> t.usableUntil() - at)
        .max().orElse(-1);
  }

  private void traffic(Provider provider, IntFunction<Call<?>> client,
      FaultInjectingTokenProxy proxy) {
    Calls stats = calls.get(provider);
    int i = ThreadLocalRandom.current().nextInt(1000);
    while (!stop) {
      Call<?> call = client.apply(i++);
      long calledAt = now();
      tokenLookupAt.get()[0] = calledAt;
      String failure;
      Throwable thrown = null;
      try {
        Response<?> response = call.execute();
        if (response.isSuccessful()) {
          long done = now();
          stats.ok.incrementAndGet();
          stats.maxOkMillis.accumulateAndGet(done - calledAt, Math::max);
          long since = stats.awaitingRecoverySince.get();
          if (since != 0 && stats.awaitingRecoverySince.compareAndSet(since, 0)) {
            stats.recoveryMillis.add(done - since);
          }
          long started = outageStartedAt;
          if (started >= 0 && calledAt >= started && done < outageEndedAt(started)) {
            stats.servedDuringOutage.incrementAndGet();
          }
          failure = null;
        } else {
          failure = "API answered HTTP " + response.code();
          if (response.errorBody() != null) {
            response.errorBody().close(); // an API error must not hold a connection
          }
        }
      } catch (TokenException e) {
        thrown = e;
        failure = e.getClass().getSimpleName();
      } catch (IOException | RuntimeException e) {
        thrown = e;
        failure = e.getClass().getName();
      }
      stats.total.incrementAndGet();
      if (failure != null) {
        classify(provider, proxy, stats, tokenLookupAt.get()[0], now(), failure, thrown);
      }
      pause();
    }
  }

  private long outageEndedAt(long startedAt) {
    long endedAt = outageEndedAt;
    return endedAt >= startedAt ? endedAt : Long.MAX_VALUE / 2;
  }

  /**
   * Tokenwise looked its token up at some moment between {@code lookupAt} (its caller's
   * application interceptor) and {@code failedAt}: if one token was usable through all of that,
   * the failure is Tokenwise's; if one was usable through part of it, it is reported as an edge.
   */
  private void classify(Provider provider, FaultInjectingTokenProxy proxy, Calls stats,
      long lookupAt, long failedAt, String failure, Throwable thrown) {
    if (thrown != null) {
      messages.add(describe(thrown));
    }
    List<FaultInjectingTokenProxy.Issued> issued = proxy.stats(provider).issued();
    boolean usable = issued.stream().anyMatch(t -> t.deliveredAt() + EDGE_MARGIN_MILLIS <= lookupAt
        && failedAt <= t.usableUntil() - EDGE_MARGIN_MILLIS);
    boolean nearEdge = !usable && issued.stream().anyMatch(t -> t.deliveredAt() <= failedAt
        && lookupAt <= t.usableUntil());
    if (usable) {
      stats.failedWithUsableToken.incrementAndGet();
      stats.sample("at " + lookupAt + "-" + failedAt + " ms, with a usable token: " + failure
          + (thrown == null ? "" : " (" + thrown.getMessage() + ")"));
      return;
    }
    if (nearEdge) {
      stats.failedNearWindowEdge.incrementAndGet();
    }
    if (thrown instanceof TokenException) {
      stats.failedWithoutToken.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
      long started = outageStartedAt;
      boolean outageOrAfter = started >= 0 && lookupAt >= started
          && lookupAt < outageEndedAt(started) + 10_000;
      if (!outageOrAfter) {
        stats.failedWithoutTokenOutsideOutages.incrementAndGet();
      }
      if (!(thrown instanceof TokenEndpointUnavailableException)) {
        stats.sample("at " + lookupAt + " ms: " + failure + " (" + thrown.getMessage() + ")");
      }
    } else {
      stats.untypedFailures.incrementAndGet();
      stats.sample("at " + lookupAt + " ms, without a token, not typed: " + failure
          + (thrown == null ? "" : " (" + thrown.getMessage() + ")"));
    }
  }

  private void pause() {
    long millis = settings.thinkTime().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(millis / 2, millis * 3 / 2 + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop = true;
      }
    }
  }

  private static String describe(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return thrown + "\n" + trace;
  }

  /** Live threads other than the emulator's and the proxy's servers and this soak's traffic. */
  private static Set<Thread> liveThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (thread.isAlive() && !name.startsWith("MockWebServer")
          && !name.startsWith("soak-traffic-")
          && !name.startsWith("HTTP-Dispatcher")) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** Open sockets of this process (Linux); 0 where /proc is not there. */
  static long openSockets() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(fds)) {
      return entries.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
          return false; // closed while listing
        }
      }).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + "/" + fields[1] + "/" + fields[2];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
