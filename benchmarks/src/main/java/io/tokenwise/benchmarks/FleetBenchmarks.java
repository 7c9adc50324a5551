package io.tokenwise.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The fleet's hot path (docs/FLEET.md): {@link FleetHotPathBenchmarks} with and without the Redis
 * store, in the same run, at 1 and 2 threads (-Dfleet.threads); prints a Markdown table.
 * {@code -Dfleet.threads=1} runs one thread count only (a smoke run).
 */
public final class FleetBenchmarks {
  public static void main(String[] args) throws Exception {
    String[] threadCounts = System.getProperty("fleet.threads", "1,2").split(",");
    StringBuilder table = new StringBuilder();
    for (String count : threadCounts) {
      int threads = Integer.parseInt(count.trim());
      Options options = new OptionsBuilder()
          .include(FleetHotPathBenchmarks.class.getName() + ".cachedToken$")
          .threads(threads)
          .build();
      Collection<RunResult> results = new Runner(options).run();
      for (RunResult result : results) {
        var score = result.getPrimaryResult();
        table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n",
            result.getParams().getParam("store"), threads, score.getScore(),
            score.getScoreError()));
      }
    }
    System.out.println("| store | threads | ns/op | ± (99.9 %) |");
    System.out.println("| --- | ---: | ---: | ---: |");
    System.out.print(table);
  }

  private FleetBenchmarks() {}
}
