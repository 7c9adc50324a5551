package io.tokenwise.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the six comparisons of docs/BENCHMARKS.md in one JVM run (JMH forks its own) and writes
 * them as Markdown to {@code target/peer-benchmarks.md}. {@code -Dcomparisons=1,3} runs a subset.
 */
public final class PeerBenchmarks {
  private static final String FLOOR = "floor: one System.currentTimeMillis()";
  private static final String STATIC = "static-header interceptor (no token logic)";

  private final List<String> out = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Set<String> selected = Set.of(System.getProperty("comparisons", "1,2,3,4,5,6").split(","));
    PeerBenchmarks report = new PeerBenchmarks();
    long started = System.nanoTime();
    report.machine();
    // The JMH forks first, while this JVM is idle; comparison 6 before the others leave threads.
    if (selected.contains("1")) {
      report.hotPath();
    }
    if (selected.contains("6")) {
      report.manyClients();
    }
    if (selected.contains("5")) {
      report.endToEnd();
    }
    if (selected.contains("2")) {
      report.stampede();
    }
    if (selected.contains("3")) {
      report.refreshUnderTraffic();
    }
    if (selected.contains("4")) {
      report.outage();
    }
    report.line("Whole run: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.");
    String markdown = String.join("\n", report.out) + "\n";
    Path file = Path.of("target", "peer-benchmarks.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown);
    System.out.println("Written to " + file.toAbsolutePath());
    System.exit(0); // Idle pool threads of the peers' HTTP clients would hold the JVM a minute.
  }

  private void line(String text) {
    out.add(text);
    System.out.println(text);
  }

  private void machine() {
    Runtime runtime = Runtime.getRuntime();
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
    line("Machine: " + runtime.availableProcessors() + " cores, " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name")
        + " " + System.getProperty("os.arch") + "; load average at start "
        + String.format(Locale.ROOT, "%.2f", load) + ".");
    line("");
  }

  private void hotPath() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    line("### 1. Cached-token hot path: one API call through each library's bearer interceptor"
        + " (JMH, default clock)");
    line("");
    line("| library | threads | ns/op (each thread's wall time) | ± (99.9 %) | CPU ns/op on "
        + cores + " cores | × Tokenwise (CPU) | bytes allocated per call |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String count : System.getProperty("hotpath.threads", "1,2").split(",")) {
      int threads = Integer.parseInt(count.trim());
      Options options = new OptionsBuilder()
          .include(HotPathBenchmarks.class.getName() + ".apiCall$")
          .include(ClockBaseline.class.getName() + ".currentTimeMillis$")
          .addProfiler(GCProfiler.class)
          .warmupIterations(Integer.getInteger("jmh.warmups", 3))
          .measurementIterations(Integer.getInteger("jmh.iterations", 5))
          .threads(threads)
          .build();
      Collection<RunResult> results = new Runner(options).run();
      Map<String, double[]> scores = new HashMap<>(); // title -> score, error, CPU ns/op, B/op
      for (RunResult result : results) {
        String param = result.getParams().getParam("library");
        String title = param == null ? FLOOR : param.equals("STATIC_HEADER") ? STATIC
            : Library.valueOf(param).title;
        var score = result.getPrimaryResult();
        double cpu = score.getScore() * Math.min(threads, cores) / threads;
        var alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        scores.put(title, new double[] {score.getScore(), score.getScoreError(), cpu,
            alloc == null ? Double.NaN : alloc.getScore()});
      }
      double tokenwise = scores.get(Library.TOKENWISE.title)[2];
      List<String> order = new ArrayList<>();
      Library.MAIN.forEach(library -> order.add(library.title));
      order.add(STATIC);
      order.add(FLOOR);
      for (String title : order) {
        double[] score = scores.get(title);
        line("| " + title + " | " + threads + " | " + fmt(score[0]) + " | " + fmt(score[1]) + " | "
            + fmt(score[2]) + " | " + String.format(Locale.ROOT, "%.2f", score[2] / tokenwise)
            + " | " + String.format(Locale.ROOT, "%.0f", score[3]) + " |");
      }
    }
    line("");
  }

  private void stampede() throws Exception {
    line("### 2. Stampede at expiry (" + Stampede.CALLERS + " callers, endpoint latency "
        + Stampede.LATENCY_MILLIS + " ms)");
    line("");
    line("| library | token requests | slowest caller's wait (ms) | failed callers |");
    line("| --- | ---: | ---: | ---: |");
    List<Stampede.Result> results = Stampede.run();
    for (Stampede.Result r : results) {
      line("| " + r.library().title + " | " + r.tokenRequests() + " | " + r.slowestMillis() + " | "
          + r.failed() + " |");
    }
    line("");
    for (Stampede.Result r : results) {
      if (r.failed() > 0) {
        line("- " + r.library().title + ", first failure: " + r.firstFailure());
      }
    }
    line("");
  }

  private void refreshUnderTraffic() throws Exception {
    line("### 3. Callers blocked by a refresh (" + RefreshUnderTraffic.LIFETIMES + " lifetimes of "
        + RefreshUnderTraffic.LIFETIME_SECONDS + " s, " + RefreshUnderTraffic.THREADS
        + " callers each, endpoint latency " + RefreshUnderTraffic.LATENCY_MILLIS + " ms)");
    line("");
    line("| library | calls | blocked (≥ " + RefreshUnderTraffic.BLOCKED_MILLIS
        + " ms during a token request) | slow, no token request | token requests | failed"
        + " | slowest call (ms) |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (RefreshUnderTraffic.Result r : RefreshUnderTraffic.run()) {
      line("| " + r.library().title + " | " + r.calls() + " | " + r.blocked() + " | "
          + r.slowWithoutTokenRequest() + " | " + r.tokenRequests() + " | " + r.failed() + " | "
          + r.slowestMillis() + " |");
    }
    line("");
  }

  private void outage() throws Exception {
    line("### 4. Endpoint down from 40:00 to 59:30 of a one-hour token (time " + Outage.SPEEDUP
        + "× fast; one call per " + Outage.PERIOD_MILLIS * Outage.SPEEDUP / 1000
        + " virtual s until 63:00)");
    line("");
    line("| library | settings | calls | failed | failed before the endpoint is back | failed"
        + " after | first / last failure (mm:ss) | token requests during the outage | token"
        + " requests in all |");
    line("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
    for (Outage.Result r : Outage.run()) {
      line("| " + r.row().title + " | " + r.row().settings + " | " + r.calls() + " | " + r.failed()
          + " | " + r.failedBeforeOutageEnd() + " | " + r.failedAfterOutage() + " | "
          + (r.failed() == 0 ? "–" : mmss(r.firstFailure()) + " / " + mmss(r.lastFailure()))
          + " | " + r.requestsInOutage() + " | " + r.requests() + " |");
    }
    line("");
  }

  private static String mmss(long seconds) {
    return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }

  private void endToEnd() throws Exception {
    line("### 5. End to end on loopback (" + EndToEnd.THREADS + " caller threads, "
        + EndToEnd.ROUNDS + " alternating rounds of " + EndToEnd.ROUND_SECONDS + " s each)");
    line("");
    line("| client | requests/s | p50 (µs) | p99 (µs) | calls | failed |");
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    EndToEnd.Result[] results = EndToEnd.run();
    for (EndToEnd.Result r : results) {
      line("| " + r.client() + " | " + fmt(r.requestsPerSecond()) + " | " + fmt(r.p50Micros())
          + " | " + fmt(r.p99Micros()) + " | " + r.calls() + " | " + r.failed() + " |");
    }
    line("");
    line(String.format(Locale.ROOT, "Tokenwise vs static header: throughput %+.1f %% over all"
        + " rounds (median of the per-round ratios %+.1f %%), p99 %+.1f %%.",
        100 * (results[0].requestsPerSecond() / results[1].requestsPerSecond() - 1),
        100 * (results[0].medianRoundRatio() - 1),
        100 * (results[0].p99Micros() / results[1].p99Micros() - 1)));
    line("");
  }

  private void manyClients() throws Exception {
    line("### 6. " + ManyClients.CLIENTS + " clients");
    line("");
    line("| clients | connections used by the " + ManyClients.CLIENTS + " (one call each, in turn)"
        + " | dispatcher threads started (" + ManyClients.CLIENTS + " calls at once) | retained heap"
        + " per client (bytes) | token requests |");
    line("| --- | ---: | ---: | ---: | ---: |");
    for (ManyClients.Result r : ManyClients.run()) {
      line("| " + r.how() + " | " + r.connections() + " | " + r.dispatcherThreads() + " | "
          + r.heapBytesPerClient() + " | " + r.tokenRequests() + " |");
    }
    line("");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }
}
