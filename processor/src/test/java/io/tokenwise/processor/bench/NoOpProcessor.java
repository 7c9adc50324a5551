package io.tokenwise.processor.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Setup N of {@link ProcessorCompileBench}: a processor that claims what Tokenwise claims and does
 * nothing, so javac runs its annotation-processing machinery and nothing else.
 */
public final class NoOpProcessor extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("io.tokenwise.TokenEndpoint", "io.tokenwise.RequiresScopes", "retrofit2.http.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return true;
  }
}
