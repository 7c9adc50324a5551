package io.tokenwise.processor.bench;

import io.tokenwise.internal.PaxosCatalog;
import io.tokenwise.internal.PaxosOperation;
import io.tokenwise.processor.TokenwiseProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * Measures javac on 300 {@code @TokenEndpoint} interfaces with and without the processor: a
 * harness, not a test. Each run is a fresh in-process javac task (as in a Maven or Gradle
 * daemon build), into a fresh output directory; runs alternate between the two setups after a
 * warm-up, and the medians are reported.
 *
 * <p>Setups D and E measure {@code @TokenEndpoint(openApi = ...)}: the same interfaces, each
 * naming one generated OpenAPI document of about 1 MB (YAML for D, JSON for E) that holds every
 * operation they call among thousands of others.
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
      List<Path> sources = writeSources(work.resolve("src"), interfaces, null);
      Path documents = Files.createDirectories(work.resolve("documents"));
      long yamlBytes = writeDocument(documents.resolve(YAML_DOCUMENT), true);
      long jsonBytes = writeDocument(documents.resolve(JSON_DOCUMENT), false);
      List<Path> withYaml = writeSources(work.resolve("src-yaml"), interfaces, YAML_DOCUMENT);
      List<Path> withJson = writeSources(work.resolve("src-json"), interfaces, JSON_DOCUMENT);
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
        compile(javac, withYaml, work, true, null, documents);
        compile(javac, withJson, work, true, null, documents);
      }
      long[] without = new long[runs];
      long[] clients = new long[runs];
      long[] with = new long[runs];
      long[] yaml = new long[runs];
      long[] json = new long[runs];
      for (int i = 0; i < runs; i++) {
        without[i] = compile(javac, sources, work, false, null);
        clients[i] = compile(javac, withClients, work, false, null);
        with[i] = compile(javac, sources, work, true, null);
        yaml[i] = compile(javac, withYaml, work, true, null, documents);
        json[i] = compile(javac, withJson, work, true, null, documents);
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
      System.out.printf(Locale.ROOT, "openApi documents: YAML %,d bytes, JSON %,d bytes%n",
          yamlBytes, jsonBytes);
      print("D. as C, each interface naming the YAML document", yaml);
      print("E. as C, each interface naming the JSON document", json);
      System.out.printf(Locale.ROOT, "D - C: %+.0f ms (%.2fx); E - C: %+.0f ms (%.2fx)%n",
          (median(yaml) - median(with)) / 1e6, median(yaml) / median(with),
          (median(json) - median(with)) / 1e6, median(json) / median(with));
      measureCold(sources, withYaml, documents, work, Math.max(3, runs / 2));
      System.out.printf(Locale.ROOT, "machine: %d cores, JDK %s (%s)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getProperty("java.vm.name"));
    } finally {
      delete(work);
    }
  }

  /**
   * One fresh {@code javac} process per compilation, as a build without a daemon runs it: JVM
   * start, class loading and JIT warm-up are paid every time, by every setup alike. D' compiles
   * {@code withDocument}, whose interfaces name the YAML document under {@code documents}.
   */
  private static void measureCold(List<Path> sources, List<Path> withDocument, Path documents,
      Path work, int runs) throws IOException {
    Path javacTool = Path.of(System.getProperty("java.home"), "bin", "javac");
    Path argFile = work.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    Path documentArgFile = work.resolve("sources-with-document.txt");
    Files.write(documentArgFile, withDocument.stream().map(Path::toString).toList(),
        StandardCharsets.UTF_8);
    long[] without = new long[runs];
    long[] with = new long[runs];
    long[] document = new long[runs];
    for (int i = 0; i < runs + 1; i++) {
      long baseline = runJavac(javacTool, argFile, work, false, null);
      long processed = runJavac(javacTool, argFile, work, true, null);
      long read = runJavac(javacTool, documentArgFile, work, true, documents);
      if (i > 0) { // the first round only fills the file system cache
        without[i - 1] = baseline;
        with[i - 1] = processed;
        document[i - 1] = read;
      }
    }
    print("A'. one javac process, no processor (-proc:none)", without);
    print("C'. one javac process with TokenwiseProcessor", with);
    print("D'. as C', each interface naming the YAML document", document);
    System.out.printf(Locale.ROOT, "ratio C'/A' (fresh javac per build): %.2fx%n",
        median(with) / median(without));
    System.out.printf(Locale.ROOT, "D' - C': %+.0f ms (%.2fx)%n",
        (median(document) - median(with)) / 1e6, median(document) / median(with));
  }

  private static long runJavac(Path javacTool, Path argFile, Path work, boolean withProcessor,
      Path documents) throws IOException {
    Path out = Files.createTempDirectory(work, "cold");
    try {
      List<String> command = new ArrayList<>(List.of(javacTool.toString(),
          "-d", out.toString(), "-s", out.toString(),
          "-classpath", classPath(documents),
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
    return compile(javac, sources, work, withProcessor, keepGenerated, null);
  }

  /** As above, with {@code documents} (the openApi documents' root) on the class path. */
  private static long compile(JavaCompiler javac, List<Path> sources, Path work,
      boolean withProcessor, Path keepGenerated, Path documents) throws IOException {
    Path out = Files.createTempDirectory(work, "out");
    Path generated = keepGenerated != null
        ? Files.createDirectories(keepGenerated)
        : Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of(
        "-d", out.toString(),
        "-s", generated.toString(),
        "-classpath", classPath(documents),
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

  /** The test class path, plus the documents' root when given. */
  private static String classPath(Path documents) {
    String classPath = System.getProperty("java.class.path");
    return documents == null ? classPath : classPath + File.pathSeparator + documents;
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
