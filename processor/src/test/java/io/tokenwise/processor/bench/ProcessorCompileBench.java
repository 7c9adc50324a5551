package io.tokenwise.processor.bench;

import io.tokenwise.processor.TokenwiseProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Measures javac on 300 {@code @TokenEndpoint} interfaces with and without the processor: a
 * harness, not a test. Each run is a fresh in-process javac task (as in a Maven or Gradle
 * daemon build), into a fresh output directory; runs alternate between the two setups after a
 * warm-up, and the medians are reported.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl processor -am process-test-classes
 * -Pcompile-bench}. Arguments (optional): interfaces, warm-up runs, measured runs.
 */
public final class ProcessorCompileBench {
  public static void main(String[] args) throws IOException {
    int interfaces = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;

    Path work = Files.createTempDirectory("tokenwise-compile-bench");
    try {
      List<Path> sources = writeSources(work.resolve("src"), interfaces);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      // The same clients written by hand: what compiling them costs without any processor.
      Path handWritten = work.resolve("clients");
      compile(javac, sources, work, true, handWritten);
      List<Path> withClients = new ArrayList<>(sources);
      try (Stream<Path> walk = Files.walk(handWritten)) {
        walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(withClients::add);
      }
      for (int i = 0; i < warmup; i++) {
        compile(javac, sources, work, false, null);
        compile(javac, withClients, work, false, null);
        compile(javac, sources, work, true, null);
      }
      long[] without = new long[runs];
      long[] clients = new long[runs];
      long[] with = new long[runs];
      for (int i = 0; i < runs; i++) {
        without[i] = compile(javac, sources, work, false, null);
        clients[i] = compile(javac, withClients, work, false, null);
        with[i] = compile(javac, sources, work, true, null);
      }
      System.out.printf(Locale.ROOT, "interfaces: %d, warm-up: %d, measured runs: %d each%n",
          interfaces, warmup, runs);
      System.out.println("in-process javac, warm (as in a build daemon):");
      print("A. interfaces, no processor (-proc:none)", without);
      print("B. interfaces + the same clients by hand, no processor", clients);
      print("C. interfaces with TokenwiseProcessor", with);
      System.out.printf(Locale.ROOT, "ratio C/A: %.2fx%n",
          median(with) / median(without));
      System.out.printf(Locale.ROOT, "ratio C/B (processor vs hand-written clients): %.2fx%n",
          median(with) / median(clients));
      measureCold(sources, work, Math.max(3, runs / 2));
      System.out.printf(Locale.ROOT, "machine: %d cores, JDK %s (%s)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getProperty("java.vm.name"));
    } finally {
      delete(work);
    }
  }

  /**
   * One fresh {@code javac} process per compilation, as a build without a daemon runs it: JVM
   * start, class loading and JIT warm-up are paid every time, by both setups alike.
   */
  private static void measureCold(List<Path> sources, Path work, int runs) throws IOException {
    Path javacTool = Path.of(System.getProperty("java.home"), "bin", "javac");
    Path argFile = work.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    long[] without = new long[runs];
    long[] with = new long[runs];
    for (int i = 0; i < runs + 1; i++) {
      long baseline = runJavac(javacTool, argFile, work, false);
      long processed = runJavac(javacTool, argFile, work, true);
      if (i > 0) { // the first pair only fills the file system cache
        without[i - 1] = baseline;
        with[i - 1] = processed;
      }
    }
    print("A'. one javac process, no processor (-proc:none)", without);
    print("C'. one javac process with TokenwiseProcessor", with);
    System.out.printf(Locale.ROOT, "ratio C'/A' (fresh javac per build): %.2fx%n",
        median(with) / median(without));
  }

  private static long runJavac(Path javacTool, Path argFile, Path work, boolean withProcessor)
      throws IOException {
    Path out = Files.createTempDirectory(work, "cold");
    try {
      List<String> command = new ArrayList<>(List.of(javacTool.toString(),
          "-d", out.toString(), "-s", out.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "-Xlint:all,-processing,-options"));
      command.addAll(withProcessor
          ? List.of("-processor", TokenwiseProcessor.class.getName())
          : List.of("-proc:none"));
      command.add("@" + argFile);
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      int exit = process.waitFor();
      long elapsed = System.nanoTime() - start;
      if (exit != 0 || output.length > 0) {
        throw new IllegalStateException("javac failed: " + new String(output, StandardCharsets.UTF_8));
      }
      return elapsed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(out);
    }
  }

  private static void print(String label, long[] nanos) {
    System.out.printf(Locale.ROOT, "%-56s median %5.0f ms (min %.0f, max %.0f)%n", label,
        median(nanos) / 1e6, min(nanos) / 1e6, max(nanos) / 1e6);
  }

  /**
   * Compiles into a fresh directory (generated sources into {@code keepGenerated} if given);
   * returns the wall time in nanoseconds.
   */
  private static long compile(JavaCompiler javac, List<Path> sources, Path work,
      boolean withProcessor, Path keepGenerated) throws IOException {
    Path out = Files.createTempDirectory(work, "out");
    Path generated = keepGenerated != null
        ? Files.createDirectories(keepGenerated)
        : Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of(
        "-d", out.toString(),
        "-s", generated.toString(),
        "-classpath", System.getProperty("java.class.path"),
        "-Xlint:all,-processing,-options"));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (withProcessor) {
        task.setProcessors(List.of(new TokenwiseProcessor()));
      }
      boolean ok = task.call();
      long elapsed = System.nanoTime() - start;
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        throw new IllegalStateException("benchmark sources must compile cleanly: "
            + diagnostics.getDiagnostics() + "\nclass path: " + System.getProperty("java.class.path"));
      }
      if (withProcessor && !Files.exists(generated.resolve("bench/p0/Api0Client.java"))) {
        throw new IllegalStateException("the processor did not run");
      }
      return elapsed;
    } finally {
      delete(out);
    }
  }

  /** Interfaces spread over providers and packages, each with a handful of Retrofit methods. */
  private static List<Path> writeSources(Path root, int count) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String pkg = "bench.p" + (i % 10);
      Path file = root.resolve(pkg.replace('.', '/')).resolve("Api" + i + ".java");
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writer.write(source(pkg, "Api" + i, i % 3));
      }
      sources.add(file);
    }
    return sources;
  }

  private static String source(String pkg, String name, int kind) {
    String header = "package " + pkg + ";\n\n"
        + "import io.tokenwise.*;\n"
        + "import java.util.List;\n"
        + "import java.util.concurrent.CompletableFuture;\n"
        + "import retrofit2.Call;\n"
        + "import retrofit2.http.*;\n\n";
    return header + switch (kind) {
      case 0 -> "@TokenEndpoint(provider = Provider.PAXOS, scopes = {\"transfer:read_transfer\","
          + " \"funding:read_profile\", \"exchange:read_order\", \"exchange:write_order\"})\n"
          + "public interface " + name + " {\n"
          + "  @GET(\"transfer/transfers\") Call<List<String>> transfers(@Query(\"limit\") int limit);\n"
          + "  @GET(\"transfer/transfers/{id}\") Call<String> transfer(@Path(\"id\") String id);\n"
          + "  @GET(\"profiles/{pid}/balances/{asset}\")\n"
          + "  Call<String> balance(@Path(\"pid\") String pid, @Path(\"asset\") String asset);\n"
          + "  @POST(\"profiles/{pid}/orders\")\n"
          + "  CompletableFuture<String> order(@Path(\"pid\") String pid, @Body String order);\n"
          + "  @GET(\"markets/{market}/ticker\") Call<String> ticker(@Path(\"market\") String m);\n"
          + "}\n";
      case 1 -> "@TokenEndpoint(provider = Provider.MANGOPAY, env = Env.PRODUCTION)\n"
          + "public interface " + name + " {\n"
          + "  @GET(\"users/{id}\") Call<String> user(@Path(\"id\") String id);\n"
          + "  @POST(\"users/natural\") Call<String> create(@Body String user);\n"
          + "  @GET(\"users/{id}/wallets\") Call<List<String>> wallets(@Path(\"id\") String id);\n"
          + "  @PUT(\"users/natural/{id}\") Call<String> update(@Path(\"id\") String id, @Body String u);\n"
          + "}\n";
      default -> "@TokenEndpoint(provider = Provider.PAYSWAY)\n"
          + "public interface " + name + " {\n"
          + "  @GET(\"v1/payments/{id}\") CompletableFuture<String> payment(@Path(\"id\") String id);\n"
          + "  @GET(\"v1/payments\") Call<List<String>> payments(@Query(\"page\") int page);\n"
          + "  @POST(\"v1/payments\") Call<String> pay(@Body String payment);\n"
          + "  @DELETE(\"v1/payments/{id}\") Call<Void> cancel(@Path(\"id\") String id);\n"
          + "}\n";
    };
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private ProcessorCompileBench() {}
}
