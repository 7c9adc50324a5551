package io.tokenwise.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Runs javac with the processor, on a class path with or without {@code jakarta.inject}. */
final class Compilations {
  /** The test class path minus jakarta.inject, so that only chosen tests see it. */
  static List<File> classPath(boolean withInject) {
    List<File> files = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty() && (withInject || !entry.contains("jakarta.inject"))) {
        files.add(new File(entry));
      }
    }
    return files;
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), false, sources);
  }

  static Compilation compile(List<String> options, boolean withInject,
      JavaFileObject... sources) {
    return javac()
        .withProcessors(new TokenwiseProcessor())
        .withClasspath(classPath(withInject))
        .withOptions(options)
        .compile(sources);
  }

  /** A source file {@code com.acme.<simpleName>} with the imports every test interface uses. */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package com.acme;",
        "",
        "import io.tokenwise.*;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import retrofit2.Call;",
        "import retrofit2.http.*;",
        ""));
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines("com.acme." + simpleName, all);
  }

  private Compilations() {}
}
