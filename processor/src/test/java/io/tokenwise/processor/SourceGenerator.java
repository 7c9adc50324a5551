package io.tokenwise.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Stands in for another processor: writes one source file in the first round. */
final class SourceGenerator extends AbstractProcessor {
  private final String typeName;
  private final String source;
  private boolean done;

  SourceGenerator(String typeName, String source) {
    this.typeName = typeName;
    this.source = source;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!done) {
      done = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile(typeName).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }
}
