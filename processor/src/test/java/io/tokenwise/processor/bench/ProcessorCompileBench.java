package io.tokenwise.processor.bench;

import io.tokenwise.internal.PaxosCatalog;
import io.tokenwise.internal.PaxosOperation;
import io.tokenwise.processor.TokenwiseProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Measures what the processor costs a user's build: javac on 300 {@code @TokenEndpoint} interfaces
 * (a harness, not a test), on the class path a user compiles against (tokenwise-runtime and its
 * dependencies; no jakarta.inject), with the processor on the processor path. Setups:
 *
 * <ul>
 *   <li>A: {@code -proc:none}, the interfaces alone;
 *   <li>N: a processor that claims the same annotations and does nothing ({@link NoOpProcessor});
 *   <li>G: a trivial processor writing exactly Tokenwise's files ({@link CopyingProcessor});
 *   <li>C: Tokenwise.
 * </ul>
 *
 * <p>C/G is Tokenwise's own work (validation and rendering); G/N what compiling the generated
 * clients costs; N/A javac's processing machinery. Each setup runs warm (a fresh in-process javac
 * task per run, as in a build daemon; interleaved after a warm-up, each round starting with the
 * next setup; medians) and as one {@code javac} process per build. Warm runs record the wall time
 * and the CPU time of the compiling thread (javac runs on the calling thread): on a shared machine
 * the wall time follows the load, so the warm verdict is on CPU time. With {@code
 * -Dopenapi=true}, D and E add {@code @TokenEndpoint(openApi = ...)} naming a ~1 MB YAML or JSON
 * document.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl processor -am process-test-classes
 * -Pcompile-bench}. Arguments (optional): interfaces, warm-up runs, measured runs.
 */
public final class ProcessorCompileBench {
  /** What runs during a compilation. */
  enum Setup {
    NONE, NOOP, COPY, TOKENWISE
  }

  /**
   * One compilation's wall time and the compiling thread's CPU time, in nanoseconds. The CPU time
   * leaves out what other processes take from a shared machine, and javac's GC and JIT threads.
   */
  record Timing(long wall, long cpu) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static Path generatedFile;

  public static void main(String[] args) throws IOException {
    int interfaces = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 11;
    boolean openApi = Boolean.getBoolean("openapi");

    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Path work = Files.createTempDirectory("tokenwise-compile-bench");
    try {
      List<Path> sources = writeSources(work.resolve("src"), interfaces, null);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      generatedFile = captureTokenwiseOutput(javac, sources, work);
      long[][] times = new long[4][runs];
      long[][] cpuTimes = new long[4][runs];
      Setup[] setups = Setup.values();
      for (int i = 0; i < warmup + runs; i++) {
        // Each round starts with the next setup: none always follows the same one (its garbage).
        for (int k = 0; k < setups.length; k++) {
          Setup setup = setups[(i + k) % setups.length];
          Timing time = compile(javac, sources, work, setup, null, null);
          if (i >= warmup) {
            times[setup.ordinal()][i - warmup] = time.wall();
            cpuTimes[setup.ordinal()][i - warmup] = time.cpu();
          }
        }
      }
      System.out.printf(Locale.ROOT, "interfaces: %d, warm-up: %d, measured runs: %d each%n",
          interfaces, warmup, runs);
      System.out.println("class path: " + userClassPath(null));
      System.out.println("in-process javac, warm (as in a build daemon), wall time:");
      printSetups(times, "", "ratios", false);
      System.out.println("in-process javac, warm, CPU time of the compiling thread (the verdict:"
          + " wall time follows the machine's load):");
      printSetups(cpuTimes, "", "ratios (CPU)", true);
      if (openApi) {
        measureOpenApi(javac, work, interfaces, warmup, runs, median(times[3]),
            median(cpuTimes[3]));
      }
      int coldRuns = Math.max(3, runs / 2);
      long[][] cold = new long[4][coldRuns];
      long[][] coldCpu = new long[4][coldRuns];
      measureCold(sources, work, cold, coldCpu);
      System.out.println("one javac process per build, wall time:");
      printSetups(cold, "'", "ratios'", coldCpu[0][0] < 0);
      if (coldCpu[0][0] >= 0) {
        System.out.println("one javac process per build, CPU time of the process (all its threads,"
            + " JIT and GC included):");
        printSetups(coldCpu, "'", "ratios' (CPU)", true);
      }
      System.out.printf(Locale.ROOT,
          "machine: %d cores, JDK %s (%s), load average %.2f (%.2f at the start)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getProperty("java.vm.name"),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), loadAtStart);
    } finally {
      delete(work);
    }
  }

  /**
   * One line per setup ({@code mark} after its letter) and the ratios of the medians ({@code
   * ratios} names them); {@code verdict}: this table's C/G is the one held against the target.
   */
  private static void printSetups(long[][] times, String mark, String ratios, boolean verdict) {
    print("A" + mark + ". interfaces, -proc:none", times[0]);
    print("N" + mark + ". with a processor that does nothing", times[1]);
    print("G" + mark + ". with a trivial processor writing the same files", times[2]);
    print("C" + mark + ". with TokenwiseProcessor", times[3]);
    double a = median(times[0]);
    double n = median(times[1]);
    double g = median(times[2]);
    double c = median(times[3]);
    System.out.printf(Locale.ROOT, "%s: N/A %.2f, G/A %.2f, C/A %.2f, C/G %.2f%s, G/N %.2f%n",
        ratios, n / a, g / a, c / a, c / g, verdict ? " (target <= 1.10)" : "", g / n);
  }

  /**
   * Compiles once with Tokenwise and writes every file it generated (clients and index resources)
   * into one file for {@link CopyingProcessor}.
   */
  private static Path captureTokenwiseOutput(JavaCompiler javac, List<Path> sources, Path work)
      throws IOException {
    Path out = work.resolve("captured");
    Path generated = work.resolve("captured-sources");
    compile(javac, sources, work, Setup.TOKENWISE, generated, out);
    StringBuilder all = new StringBuilder();
    try (Stream<Path> walk = Files.walk(generated)) {
      for (Path file : walk.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        String client = generated.relativize(file).toString().replace(File.separatorChar, '.')
            .replaceAll("\\.java$", "");
        String api = client.substring(0, client.length() - "Client".length());
        all.append("##file source ").append(api).append(' ').append(client).append('\n')
            .append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Path index = out.resolve("META-INF/tokenwise/clients");
    if (Files.isDirectory(index)) {
      try (Stream<Path> walk = Files.list(index)) {
        for (Path file : walk.sorted().toList()) {
          all.append("##file resource ").append(file.getFileName()).append(' ')
              .append(out.relativize(file).toString().replace(File.separatorChar, '/'))
              .append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    Path file = work.resolve("generated-by-tokenwise.txt");
    Files.writeString(file, all, StandardCharsets.UTF_8);
    return file;
  }

  /** D and E: the interfaces naming a ~1 MB OpenAPI document, against C. */
  private static void measureOpenApi(JavaCompiler javac, Path work, int interfaces, int warmup,
      int runs, double withoutDocument, double cpuWithoutDocument) throws IOException {
    Path documents = Files.createDirectories(work.resolve("documents"));
    long yamlBytes = writeDocument(documents.resolve(YAML_DOCUMENT), true);
    long jsonBytes = writeDocument(documents.resolve(JSON_DOCUMENT), false);
    List<Path> withYaml = writeSources(work.resolve("src-yaml"), interfaces, YAML_DOCUMENT);
    List<Path> withJson = writeSources(work.resolve("src-json"), interfaces, JSON_DOCUMENT);
    long[] yaml = new long[runs];
    long[] json = new long[runs];
    long[] yamlCpu = new long[runs];
    long[] jsonCpu = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      Timing y = compile(javac, withYaml, work, Setup.TOKENWISE, null, null, documents);
      Timing j = compile(javac, withJson, work, Setup.TOKENWISE, null, null, documents);
      if (i >= warmup) {
        yaml[i - warmup] = y.wall();
        json[i - warmup] = j.wall();
        yamlCpu[i - warmup] = y.cpu();
        jsonCpu[i - warmup] = j.cpu();
      }
    }
    System.out.printf(Locale.ROOT, "openApi documents: YAML %,d bytes, JSON %,d bytes%n",
        yamlBytes, jsonBytes);
    print("D. as C, each interface naming the YAML document", yaml);
    print("E. as C, each interface naming the JSON document", json);
    print("D (CPU)", yamlCpu);
    print("E (CPU)", jsonCpu);
    System.out.printf(Locale.ROOT, "D - C: %+.0f ms (%.2fx); E - C: %+.0f ms (%.2fx);"
        + " CPU: D - C %+.0f ms (%.2fx), E - C %+.0f ms (%.2fx)%n",
        (median(yaml) - withoutDocument) / 1e6, median(yaml) / withoutDocument,
        (median(json) - withoutDocument) / 1e6, median(json) / withoutDocument,
        (median(yamlCpu) - cpuWithoutDocument) / 1e6, median(yamlCpu) / cpuWithoutDocument,
        (median(jsonCpu) - cpuWithoutDocument) / 1e6, median(jsonCpu) / cpuWithoutDocument);
  }

  /**
   * One fresh {@code javac} process per compilation, as a build without a daemon runs it: JVM
   * start, class loading and JIT warm-up are paid every time, by every setup alike.
   */
  private static void measureCold(List<Path> sources, Path work, long[][] times, long[][] cpuTimes)
      throws IOException {
    Path javacTool = Path.of(System.getProperty("java.home"), "bin", "javac");
    Path argFile = work.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    int runs = times[0].length;
    for (int i = 0; i < runs + 1; i++) {
      for (Setup setup : Setup.values()) {
        Timing time = runJavac(javacTool, argFile, work, setup);
        if (i > 0) { // the first round only fills the file system cache
          times[setup.ordinal()][i - 1] = time.wall();
          cpuTimes[setup.ordinal()][i - 1] = time.cpu();
        }
      }
    }
  }

  private static List<String> processorOptions(Setup setup) {
    return switch (setup) {
      case NONE -> List.of("-proc:none");
      case NOOP -> List.of("-processor", NoOpProcessor.class.getName());
      case COPY -> List.of("-processor", CopyingProcessor.class.getName(),
          "-A" + CopyingProcessor.OPTION + "=" + generatedFile);
      case TOKENWISE -> List.of("-processor", TokenwiseProcessor.class.getName());
    };
  }

  /** The wall time of one javac process, and its CPU time (-1 where it cannot be read). */
  private static Timing runJavac(Path javacTool, Path argFile, Path work, Setup setup)
      throws IOException {
    Path out = Files.createTempDirectory(work, "cold");
    try {
      List<String> command = new ArrayList<>(List.of(javacTool.toString(),
          "-d", out.toString(), "-s", out.toString(),
          "-classpath", userClassPath(null),
          "-processorpath", System.getProperty("java.class.path"),
          "-Xlint:all,-processing,-options"));
      command.addAll(processorOptions(setup));
      command.add("@" + argFile);
      long cpuStart = childrenCpuTime();
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      int exit = process.waitFor();
      long elapsed = System.nanoTime() - start;
      long cpuEnd = childrenCpuTime();
      long cpu = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
      if (exit != 0 || output.length > 0) {
        throw new IllegalStateException("javac failed: " + new String(output, StandardCharsets.UTF_8));
      }
      return new Timing(elapsed, cpu);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(out);
    }
  }

  /**
   * The CPU time of this JVM's finished child processes, in nanoseconds: Linux's {@code cutime}
   * and {@code cstime} of {@code /proc/self/stat}, counted in clock ticks of 10 ms (USER_HZ 100,
   * as on every common Linux); -1 elsewhere. A child's time is added once it has been waited for,
   * which {@link Process#waitFor()} has done.
   */
  private static long childrenCpuTime() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      // After the command name in parentheses: field 3 (state) onwards; cutime is field 16.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static void print(String label, long[] nanos) {
    System.out.printf(Locale.ROOT, "%-56s median %5.0f ms (min %.0f, max %.0f)%n", label,
        median(nanos) / 1e6, min(nanos) / 1e6, max(nanos) / 1e6);
  }

  private static Timing compile(JavaCompiler javac, List<Path> sources, Path work, Setup setup,
      Path keepGenerated, Path keepOutput) throws IOException {
    return compile(javac, sources, work, setup, keepGenerated, keepOutput, null);
  }

  /**
   * Compiles into a fresh directory (generated sources into {@code keepGenerated}, classes into
   * {@code keepOutput} if given), {@code documents} on the class path if given; returns its wall
   * time and the CPU time of this thread, on which javac runs.
   */
  private static Timing compile(JavaCompiler javac, List<Path> sources, Path work, Setup setup,
      Path keepGenerated, Path keepOutput, Path documents) throws IOException {
    Path out = keepOutput != null ? Files.createDirectories(keepOutput)
        : Files.createTempDirectory(work, "out");
    Path generated = keepGenerated != null
        ? Files.createDirectories(keepGenerated)
        : Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of(
        "-d", out.toString(),
        "-s", generated.toString(),
        "-classpath", userClassPath(documents),
        "-Xlint:all,-processing,-options"));
    if (setup == Setup.NONE) {
      options.add("-proc:none");
    }
    if (setup == Setup.COPY) {
      options.add("-A" + CopyingProcessor.OPTION + "=" + generatedFile);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      switch (setup) {
        case NOOP -> task.setProcessors(List.of(new NoOpProcessor()));
        case COPY -> task.setProcessors(List.of(new CopyingProcessor()));
        case TOKENWISE -> task.setProcessors(List.of(new TokenwiseProcessor()));
        default -> { }
      }
      boolean ok = task.call();
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      long elapsed = System.nanoTime() - start;
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        throw new IllegalStateException("benchmark sources must compile cleanly: "
            + diagnostics.getDiagnostics() + "\nclass path: " + userClassPath(documents));
      }
      boolean generates = setup == Setup.COPY || setup == Setup.TOKENWISE;
      if (generates && !Files.exists(generated.resolve("bench/p0/Api0Client.java"))) {
        throw new IllegalStateException("the processor did not run");
      }
      return new Timing(elapsed, cpu);
    } finally {
      if (keepOutput == null) {
        delete(out);
      }
    }
  }

  /**
   * Interfaces spread over providers and packages, each with a handful of Retrofit methods;
   * each names {@code openApi} when it is not null.
   */
  private static List<Path> writeSources(Path root, int count, String openApi)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String pkg = "bench.p" + (i % 10);
      Path file = root.resolve(pkg.replace('.', '/')).resolve("Api" + i + ".java");
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        String source = source(pkg, "Api" + i, i % 3);
        writer.write(openApi == null ? source : source.replace("@TokenEndpoint(",
            "@TokenEndpoint(openApi = \"" + openApi + "\", "));
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

  private static final String YAML_DOCUMENT = "bench-openapi.yaml";
  private static final String JSON_DOCUMENT = "bench-openapi.json";
  private static final int DOCUMENT_BYTES = 1_000_000;

  /**
   * What a user compiles against: tokenwise-runtime and its dependencies (OkHttp, Okio, Kotlin's
   * standard library, Retrofit, Moshi), not the processor's test class path (no jakarta.inject);
   * plus the documents' root when given.
   */
  private static String userClassPath(Path documents) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String unix = entry.replace(File.separatorChar, '/');
      if (unix.contains("/runtime/target/classes") || unix.contains("/tokenwise-runtime")
          || unix.contains("/okhttp") || unix.contains("/okio") || unix.contains("/kotlin-stdlib")
          || unix.contains("/retrofit") || unix.contains("/converter-moshi")
          || unix.contains("/moshi") || unix.contains("/org/jetbrains/annotations")) {
        entries.add(entry);
      }
    }
    if (documents != null) {
      entries.add(documents.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Writes an OpenAPI 3.0 document of at least {@link #DOCUMENT_BYTES}: every Paxos operation
   * with its scopes, the Mangopay and Paysway paths the interfaces call, and as many other
   * operations (with parameters, responses and descriptions, as real documents have) as it
   * takes. Returns its size.
   */
  private static long writeDocument(Path file, boolean yaml) throws IOException {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (PaxosOperation operation : PaxosCatalog.get().operations()) {
      List<Object> security = new ArrayList<>();
      for (Set<String> alternative : operation.alternatives()) {
        List<String> scopes = alternative.equals(Set.of("(none)"))
            ? List.of() : List.copyOf(alternative);
        security.add(Map.of("clientCredentials", scopes));
      }
      addOperation(paths, operation.path(), operation.method(), operation.operationId(),
          security);
    }
    List<Object> anyToken = List.of(Map.of("clientCredentials", List.of()));
    String[][] others = {{"GET", "/users/{id}"}, {"POST", "/users/natural"},
        {"GET", "/users/{id}/wallets"}, {"PUT", "/users/natural/{id}"},
        {"GET", "/v1/payments/{id}"}, {"GET", "/v1/payments"}, {"POST", "/v1/payments"},
        {"DELETE", "/v1/payments/{id}"}};
    for (String[] other : others) {
      addOperation(paths, other[1], other[0], other[0] + other[1], anyToken);
    }
    Map<String, Object> scopes = new LinkedHashMap<>();
    PaxosCatalog.get().scopes().forEach(scope -> scopes.put(scope, "Grants " + scope));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", Map.of("title", "Compile benchmark", "version", "1.0"));
    document.put("servers", List.of(Map.of("url", "https://api.sandbox.paxos.com/v2"),
        Map.of("url", "https://api.sandbox.mangopay.com/v2.01/{clientId}"),
        Map.of("url", "https://api.paysway.dev")));
    document.put("components", Map.of("securitySchemes", Map.of("clientCredentials", Map.of(
        "type", "oauth2", "flows", Map.of("clientCredentials", Map.of(
            "tokenUrl", "https://oauth.sandbox.paxos.com/oauth2/token", "scopes", scopes))))));
    document.put("paths", paths);
    String text = "";
    for (int i = 0; text.length() < DOCUMENT_BYTES; ) {
      for (int end = i + 250; i < end; i++) {
        addOperation(paths, "/catalog/section" + (i % 40) + "/items" + i + "/{itemId}/versions",
            i % 2 == 0 ? "GET" : "PUT", "CatalogOperation" + i,
            List.of(Map.of("clientCredentials", List.of("funding:read_profile"))));
      }
      text = yaml ? yaml(document) : json(document);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return Files.size(file);
  }

  private static void addOperation(Map<String, Object> paths, String path, String method,
      String operationId, List<Object> security) {
    List<Object> parameters = new ArrayList<>();
    Matcher templates = Pattern.compile("\\{([^}]+)}").matcher(path);
    while (templates.find()) {
      parameters.add(Map.of("name", templates.group(1), "in", "path", "required", true,
          "description", "The " + templates.group(1) + " of the resource.",
          "schema", Map.of("type", "string")));
    }
    parameters.add(Map.of("name", "limit", "in", "query", "required", false,
        "schema", Map.of("type", "integer", "minimum", 1, "maximum", 1000)));
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("operationId", operationId);
    operation.put("summary", "Operation " + operationId);
    operation.put("description", "Does what " + operationId + " does, as the API reference"
        + " describes it in a sentence or two of prose, like real documents do.");
    operation.put("parameters", parameters);
    operation.put("responses", Map.of(
        "200", Map.of("description", "OK", "content", Map.of("application/json", Map.of(
            "schema", Map.of("type", "object", "properties", Map.of(
                "id", Map.of("type", "string"),
                "created_at", Map.of("type", "string", "format", "date-time"),
                "amount", Map.of("type", "string", "pattern", "^[0-9]+(\\.[0-9]+)?$")))))),
        "401", Map.of("description", "Unauthorized"),
        "403", Map.of("description", "Forbidden")));
    operation.put("security", security);
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path,
        key -> new LinkedHashMap<String, Object>());
    item.put(method.toLowerCase(Locale.ROOT), operation);
  }

  private static String yaml(Object document) {
    return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(100)
        .build()).dumpToString(document);
  }

  private static String json(Object document) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator =
        JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), text)) {
      writeJson(generator, document);
    }
    return text.toString();
  }

  private static void writeJson(JsonGenerator generator, Object value) {
    if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeName(String.valueOf(entry.getKey()));
        writeJson(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        writeJson(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer number) {
      generator.writeNumber(number);
    } else {
      generator.writeString(String.valueOf(value));
    }
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
