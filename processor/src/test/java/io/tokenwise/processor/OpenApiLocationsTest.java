package io.tokenwise.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where javac's Filer finds an {@code openApi} document, with a real javac and real directories
 * (compile-testing keeps the class output in memory). Maven copies {@code src/main/resources} to
 * {@code target/classes} in process-resources, before compile, and passes {@code target/classes}
 * both as {@code -d} (the class output) and first on {@code -classpath}; a dependency's document
 * is in a jar on the class path.
 */
class OpenApiLocationsTest {
  private static final String NAME = "openapi/located.yaml";

  @TempDir Path work;

  @Test
  void documentInTheClassOutputIsFound() throws IOException {
    Path classes = document(work.resolve("classes"));
    assertThat(javac(classes, List.of())).isEmpty();
    assertThat(Files.exists(work.resolve("generated/com/acme/TransfersClient.java"))).isTrue();
  }

  @Test
  void documentInAClassPathDirectoryIsFound() throws IOException {
    Path resources = document(work.resolve("resources"));
    assertThat(javac(work.resolve("classes"), List.of(resources))).isEmpty();
  }

  @Test
  void documentInAJarOnTheClassPathIsFound() throws IOException {
    Path jar = work.resolve("api-spec.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(NAME));
      out.write(Files.readAllBytes(paxosDocument()));
      out.closeEntry();
    }
    assertThat(javac(work.resolve("classes"), List.of(jar))).isEmpty();
  }

  @Test
  void documentOnTheSourcePathIsFound() throws IOException {
    Path resources = document(work.resolve("resources"));
    assertThat(javac(work.resolve("classes"), List.of(), "-sourcepath", resources.toString()))
        .isEmpty();
  }

  @Test
  void documentNowhereIsAnError() throws IOException {
    List<String> diagnostics = javac(work.resolve("classes"), List.of());
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0)).startsWith("ERROR line 5: [Tokenwise/OpenApiNotFound] OpenAPI"
        + " document \"openapi/located.yaml\" is not on the source path");
  }

  /** Copies the Paxos test document to {@code root/openapi/located.yaml}; returns root. */
  private static Path document(Path root) throws IOException {
    Files.createDirectories(root.resolve("openapi"));
    Files.copy(paxosDocument(), root.resolve(NAME));
    return root;
  }

  private static Path paxosDocument() {
    return Path.of("src/test/resources/openapi/paxos-v2.yaml");
  }

  /**
   * Compiles one interface naming the document into {@code classes} ({@code -d}), with the test
   * class path (minus the test resources, which hold other documents) plus {@code extra};
   * returns each diagnostic as {@code KIND line N: message}.
   */
  private List<String> javac(Path classes, List<Path> extra, String... options)
      throws IOException {
    Path source = work.resolve("src/com/acme/Transfers.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n",
        "package com.acme;",
        "import io.tokenwise.*;",
        "import retrofit2.Call;",
        "import retrofit2.http.*;",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"" + NAME + "\",",
        "    scopes = \"transfer:read_transfer\")",
        "public interface Transfers {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}"), StandardCharsets.UTF_8);
    Path generated = Files.createDirectories(work.resolve("generated"));
    Files.createDirectories(classes);
    List<String> classPath = new ArrayList<>();
    for (File entry : Compilations.classPath(false)) {
      if (!entry.toPath().endsWith("test-classes")) {
        classPath.add(entry.toString());
      }
    }
    extra.forEach(path -> classPath.add(path.toString()));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
        "-s", generated.toString(), "-classpath", String.join(File.pathSeparator, classPath)));
    arguments.addAll(List.of(options));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments,
          null, files.getJavaFileObjects(source));
      task.setProcessors(List.of(new TokenwiseProcessor()));
      task.call();
    }
    List<String> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      found.add(diagnostic.getKind() + " line " + diagnostic.getLineNumber() + ": "
          + diagnostic.getMessage(Locale.ROOT));
    }
    return found;
  }
}
