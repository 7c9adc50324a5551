package io.tokenwise.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The processor jar as installed (shaded): the annotation processor path it makes is light. jdeps
 * lists every class it refers to; none may be OkHttp's, Okio's, Retrofit's, Moshi's or Kotlin's,
 * and none may be missing (a runtime class the shading left out would be).
 */
final class ProcessorJarTest {
  private static final Path PROCESSOR_JAR = Path.of(System.getProperty("tokenwise.processorJar"));
  private static final Pattern FORBIDDEN = Pattern.compile(
      "-> (okhttp3|okio|retrofit2|com\\.squareup\\.moshi|kotlin|kotlinx)\\.");

  @Test
  void theProcessorJarRefersToNoOkHttpOkioRetrofitMoshiOrKotlinClass() throws Exception {
    List<String> forbidden = lines(jdeps(PROCESSOR_JAR), FORBIDDEN);

    assertEquals(List.of(), forbidden);
  }

  @Test
  void everyClassTheProcessorJarRefersToIsInItItsOwnDependenciesOrTheJdk() throws Exception {
    List<String> missing = lines(jdeps(PROCESSOR_JAR), Pattern.compile("not found"));

    assertEquals(List.of(), missing);
  }

  @Test
  void theCheckFindsOkHttpInTheRuntimeJar() throws Exception {
    // The same scan on a jar that does use OkHttp: the guard above can fail.
    Path runtimeJar = jarOf("io.tokenwise.ClientBuilder");

    assertFalse(lines(jdeps(runtimeJar), FORBIDDEN).isEmpty());
  }

  @Test
  void theProcessorJarSplitsNoPackageWithTheRuntimeAndNamesItsModule() throws IOException {
    try (JarFile jar = new JarFile(PROCESSOR_JAR.toFile())) {
      List<String> inRuntimePackages = jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.matches("io/tokenwise/(internal/)?[^/]+"))
          .collect(Collectors.toList());
      assertEquals(List.of(), inRuntimePackages);
      assertEquals("io.tokenwise.processor",
          jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      // The catalog moved along with its tables.
      assertTrue(jar.getEntry("io/tokenwise/processor/shaded/internal/paxos-operations.tsv") != null);
    }
  }

  /**
   * jdeps -verbose:class, with the processor's declared dependencies on its class path: JavaPoet,
   * and the OpenAPI document parsers (jackson-core, snakeyaml-engine).
   */
  private static String jdeps(Path jar) throws Exception {
    assertTrue(Files.isRegularFile(jar), jar + " is built by the processor module's package phase");
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class",
        "--multi-release", "17", "--class-path", String.join(File.pathSeparator,
            jarOf("com.palantir.javapoet.ClassName").toString(),
            jarOf("tools.jackson.core.JsonParser").toString(),
            jarOf("org.snakeyaml.engine.v2.api.Load").toString()),
        jar.toString());
    assertEquals(0, exit, out.toString());
    return out.toString();
  }

  private static List<String> lines(String output, Pattern pattern) {
    return output.lines().filter(line -> pattern.matcher(line).find())
        .map(String::strip).collect(Collectors.toList());
  }

  private static Path jarOf(String className) throws Exception {
    return Path.of(Class.forName(className, false, ProcessorJarTest.class.getClassLoader())
        .getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
