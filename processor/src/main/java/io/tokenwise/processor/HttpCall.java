package io.tokenwise.processor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * One Retrofit service method as its annotations describe it.
 *
 * @param annotation the method's single HTTP annotation ({@code @GET}, ..., {@code @HTTP})
 * @param httpMethod upper case, as sent
 * @param hasBody whether the request has a body ({@code @POST}, {@code @PUT}, {@code @PATCH}, or
 *     {@code @HTTP(hasBody = true)}), which {@code @Body} needs
 * @param path the relative path as written ("" when none)
 * @param pathValue the annotation value holding the path, or null when defaulted
 * @param pathParameters the {@code @Path} parameters
 * @param urlParameter the {@code @Url} parameter, or null
 */
record HttpCall(
    ExecutableElement method,
    AnnotationMirror annotation,
    String httpMethod,
    boolean hasBody,
    String path,
    AnnotationValue pathValue,
    List<PathParameter> pathParameters,
    VariableElement urlParameter) {

  /** A {@code @Path("name")} parameter. */
  record PathParameter(VariableElement parameter, String name, AnnotationMirror annotation,
      AnnotationValue nameValue) {}

  static final String RETROFIT_HTTP = "retrofit2.http.";
  /** Retrofit's HTTP method annotations, by simple name; {@code HTTP} names its method itself. */
  static final Set<String> METHOD_ANNOTATIONS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "HTTP");
  /** Retrofit's parameter annotations ({@code RequestFactory.parseParameterAnnotation}). */
  static final Set<String> PARAMETER_ANNOTATIONS = Set.of("Url", "Path", "Query", "QueryName",
      "QueryMap", "Header", "HeaderMap", "Field", "FieldMap", "Part", "PartMap", "Body", "Tag");
  /** The HTTP methods whose Retrofit annotation implies a request body. */
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  HttpCall {
    pathParameters = List.copyOf(pathParameters);
  }

  /** Reads {@code method} given its single HTTP annotation. */
  static HttpCall read(ExecutableElement method, AnnotationMirror annotation) {
    boolean custom = Annotations.simpleName(annotation).equals("HTTP");
    String pathMember = custom ? "path" : "value";
    String httpMethod = custom
        ? Annotations.string(annotation, "method").toUpperCase(java.util.Locale.ROOT)
        : Annotations.simpleName(annotation);
    boolean hasBody = custom
        ? Annotations.value(annotation, "hasBody") != null
            && Boolean.TRUE.equals(Annotations.value(annotation, "hasBody").getValue())
        : WITH_BODY.contains(httpMethod);
    List<PathParameter> pathParameters = new java.util.ArrayList<>();
    VariableElement url = null;
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> path = Annotations.find(parameter, RETROFIT_HTTP + "Path");
      if (path.isPresent()) {
        pathParameters.add(new PathParameter(parameter, Annotations.string(path.get(), "value"),
            path.get(), Annotations.explicitValue(path.get(), "value")));
      }
      if (url == null && Annotations.find(parameter, RETROFIT_HTTP + "Url").isPresent()) {
        url = parameter;
      }
    }
    return new HttpCall(method, annotation, httpMethod, hasBody,
        Annotations.string(annotation, pathMember),
        Annotations.explicitValue(annotation, pathMember), pathParameters, url);
  }

  /** True for a path Retrofit resolves against the base URL (not a full URL, not via @Url). */
  boolean hasRelativePath() {
    return urlParameter == null && !path.isEmpty() && !path.contains("://");
  }

  /** The Retrofit parameter annotations on {@code parameter}, in source order. */
  static List<AnnotationMirror> retrofitAnnotations(VariableElement parameter) {
    List<AnnotationMirror> retrofit = new java.util.ArrayList<>(1);
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      String simple = Annotations.simpleName(mirror);
      if (PARAMETER_ANNOTATIONS.contains(simple)
          && Annotations.qualifiedName(mirror).equals(RETROFIT_HTTP + simple)) {
        retrofit.add(mirror);
      }
    }
    return List.copyOf(retrofit);
  }

  /** {@code transfers()}: how diagnostics name the method. */
  String display() {
    return method.getSimpleName() + "()";
  }
}
