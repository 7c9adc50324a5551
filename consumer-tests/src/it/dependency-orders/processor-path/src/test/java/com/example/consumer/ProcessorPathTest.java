package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** What a user's annotation processor path holds once it names tokenwise-processor. */
final class ProcessorPathTest {
  private static final String VERSION = System.getProperty("tokenwise.version");

  /** The processor, JavaPoet, and the two OpenAPI document parsers (openApi = ...). */
  @Test
  void theProcessorPathIsTheProcessorJavaPoetAndTheDocumentParsersOnly() throws Exception {
    List<Path> path = processorPath();
    System.out.println("annotation processor path: " + path);

    assertEquals(List.of("jackson-core-" + System.getProperty("jackson.version") + ".jar",
            "javapoet-" + System.getProperty("javapoet.version") + ".jar",
            "snakeyaml-engine-" + System.getProperty("snakeyaml-engine.version") + ".jar",
            "tokenwise-processor-" + VERSION + ".jar"),
        path.stream().map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
  }

  @Test
  void theProcessorRunsOnThatPathWithoutOkHttpRetrofitMoshiOrKotlin() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path p : processorPath()) {
      urls.add(p.toUri().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader())) {
      List<String> processors = ServiceLoader.load(Processor.class, loader).stream()
          .map(provider -> provider.get().getClass().getName())
          .collect(Collectors.toList());
      assertEquals(List.of("io.tokenwise.processor.TokenwiseProcessor"), processors);
      // The catalog it validates against, initialized: its Paxos tables load from the jar.
      Class.forName("io.tokenwise.processor.shaded.internal.PaxosCatalog", true, loader);
      for (String absent : List.of("okhttp3.OkHttpClient", "okio.Okio", "retrofit2.Retrofit",
          "com.squareup.moshi.Moshi", "kotlin.Unit", "io.tokenwise.ClientBuilder")) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(absent, false, loader),
            absent);
      }
    }
  }

  private static List<Path> processorPath() throws Exception {
    String path = Files.readString(Path.of(System.getProperty("processorPath"))).trim();
    List<Path> entries = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      entries.add(Path.of(entry));
    }
    return entries;
  }
}
