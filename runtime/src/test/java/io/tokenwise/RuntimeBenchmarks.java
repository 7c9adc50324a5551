package io.tokenwise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TokenBenchmarks} at 1, 2 and 8 threads and writes a Markdown table to {@code
 * target/runtime-benchmarks.md}. Command: see docs/BENCHMARKS.md.
 */
public final class RuntimeBenchmarks {
  public static void main(String[] args) throws Exception {
    List<String> rows = new ArrayList<>();
    int cores = Runtime.getRuntime().availableProcessors();
    // With more threads than cores, each op's wall time includes waiting for a core; the CPU
    // cost per op is the wall time scaled by the share of a core each thread gets.
    rows.add("| benchmark | threads | ns/op (each thread's wall time) | ± (99.9 %) | CPU ns/op on "
        + cores + " cores |");
    rows.add("| --- | ---: | ---: | ---: | ---: |");
    for (String benchmark : List.of("cachedToken", "bearerInterceptor", "staticHeaderInterceptor")) {
      for (int threads : new int[] {1, 2, 8}) {
        Options options = new OptionsBuilder()
            .include(TokenBenchmarks.class.getName() + "." + benchmark + "$")
            .threads(threads)
            .build();
        for (RunResult result : new Runner(options).run()) {
          var score = result.getPrimaryResult();
          double cpu = score.getScore() * Math.min(threads, cores) / threads;
          rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |",
              benchmark, threads, score.getScore(), score.getScoreError(), cpu));
        }
      }
    }
    String table = String.join("\n", rows) + "\n";
    Path out = Path.of("target", "runtime-benchmarks.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }
}
