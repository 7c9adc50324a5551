package io.tokenwise.processor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Setup G of {@link ProcessorCompileBench}: a trivial processor that writes, for each
 * {@code @TokenEndpoint} interface, exactly the files Tokenwise writes for it (its client and its
 * index resource), copied from a Tokenwise run: javac's cost of a processor that generates these
 * files, without Tokenwise's validation and rendering. Reads them from the one file that option
 * {@code -Abench.generated} names (lines {@code ##file <kind> <name>}, then the content).
 */
public final class CopyingProcessor extends AbstractProcessor {
  static final String OPTION = "bench.generated";

  private final Map<String, String> sources = new HashMap<>(); // interface -> client source
  private final Map<String, String> clientNames = new HashMap<>();
  private final Map<String, String> resources = new HashMap<>(); // interface -> resource path
  private final Map<String, String> resourceTexts = new HashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      String all = Files.readString(Path.of(env.getOptions().get(OPTION)),
          StandardCharsets.UTF_8);
      for (String part : all.split("##file ")) {
        if (part.isEmpty()) {
          continue;
        }
        int eol = part.indexOf('\n');
        String[] header = part.substring(0, eol).split(" ");
        String text = part.substring(eol + 1);
        if (header[0].equals("source")) { // source <interface> <client>
          sources.put(header[1], text);
          clientNames.put(header[1], header[2]);
        } else { // resource <interface> <path>
          resources.put(header[1], header[2]);
          resourceTexts.put(header[1], text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("io.tokenwise.TokenEndpoint", "io.tokenwise.RequiresScopes", "retrofit2.http.*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement endpoint = processingEnv.getElementUtils().getTypeElement(
        "io.tokenwise.TokenEndpoint");
    for (Element element : round.getElementsAnnotatedWith(endpoint)) {
      String name = ((TypeElement) element).getQualifiedName().toString();
      try {
        try (Writer writer = processingEnv.getFiler()
            .createSourceFile(clientNames.get(name), element).openWriter()) {
          writer.write(sources.get(name));
        }
        if (resources.containsKey(name)) {
          try (Writer writer = processingEnv.getFiler().createResource(
              StandardLocation.CLASS_OUTPUT, "", resources.get(name), element).openWriter()) {
            writer.write(resourceTexts.get(name));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }
}
