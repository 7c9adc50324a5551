package io.tokenwise.processor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * The checks on a service method's parameters and headers that Retrofit's {@code RequestFactory}
 * makes only at run time (an annotation on each parameter, concrete types, {@code @Body} only with
 * a request body, {@code @Field} and {@code @Part} only with their encoding), and Tokenwise's own:
 * an {@code Authorization} header of the user's would be replaced by the bearer token.
 */
final class ParameterRules {
  private static final String AUTHORIZATION = "Authorization";

  private final Report report;

  ParameterRules(Report report) {
    this.report = report;
  }

  /**
   * @param continuation a suspend function's {@code Continuation} parameter, which Retrofit
   *     handles itself, or null
   * @param withoutToken the method is {@code @WithoutAccessToken}, so its own Authorization stays
   */
  void check(HttpCall call, ExecutableType signature, VariableElement continuation,
      boolean withoutToken) {
    ExecutableElement method = call.method();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      if (parameter.equals(continuation)) {
        continue;
      }
      List<AnnotationMirror> annotations = HttpCall.retrofitAnnotations(parameter);
      if (annotations.isEmpty()) {
        report.add(Message.UNANNOTATED_PARAMETER, parameter, null, null,
            parameter.getSimpleName(), call.display(), call.display());
        continue;
      }
      TypeMirror type = signature.getParameterTypes().get(i);
      if (!ReturnTypeRules.isConcrete(type)) {
        report.add(Message.UNRESOLVABLE_PARAMETER_TYPE, parameter, null, null,
            parameter.getSimpleName(), call.display(), type, call.display());
      }
      for (AnnotationMirror annotation : annotations) {
        checkAnnotation(call, parameter, annotation, withoutToken);
      }
    }
    if (!withoutToken) {
      checkHeadersAnnotation(call);
    }
  }

  private void checkAnnotation(HttpCall call, VariableElement parameter,
      AnnotationMirror annotation, boolean withoutToken) {
    ExecutableElement method = call.method();
    String kind = Annotations.simpleName(annotation);
    switch (kind) {
      case "Header" -> {
        if (!withoutToken && Annotations.string(annotation, "value")
            .strip().equalsIgnoreCase(AUTHORIZATION)) {
          report.add(Message.OWN_AUTHORIZATION, parameter, annotation,
              Annotations.explicitValue(annotation, "value"), call.display(),
              "@Header(\"" + AUTHORIZATION + "\") on parameter " + parameter.getSimpleName());
        }
      }
      case "Body" -> {
        if (!call.hasBody()) {
          report.add(Message.BODY_NOT_ALLOWED, parameter, annotation, null, call.display(),
              call.httpMethod(), parameter.getSimpleName(), call.httpMethod());
        }
      }
      case "Field", "FieldMap" -> requireEncoding(call, parameter, annotation, "FormUrlEncoded");
      case "Part", "PartMap" -> requireEncoding(call, parameter, annotation, "Multipart");
      default -> {
        // Path and Url are matched against the path by MethodRules.
      }
    }
  }

  private void requireEncoding(HttpCall call, VariableElement parameter,
      AnnotationMirror annotation, String encoding) {
    if (Annotations.find(call.method(), HttpCall.RETROFIT_HTTP + encoding).isEmpty()) {
      report.add(Message.MISSING_ENCODING, parameter, annotation, null,
          Annotations.simpleName(annotation), parameter.getSimpleName(), encoding,
          call.display(), call.display(), encoding);
    }
  }

  /** {@code @Headers({"Authorization: ..."})}; the value is never echoed (it may be a secret). */
  private void checkHeadersAnnotation(HttpCall call) {
    Optional<AnnotationMirror> headers =
        Annotations.find(call.method(), HttpCall.RETROFIT_HTTP + "Headers");
    if (headers.isEmpty()) {
      return;
    }
    for (AnnotationValue value : Annotations.array(Annotations.value(headers.get(), "value"))) {
      if (value.getValue() instanceof String header && header.indexOf(':') > 0
          && header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT)
              .equals(AUTHORIZATION.toLowerCase(Locale.ROOT))) {
        report.add(Message.OWN_AUTHORIZATION, call.method(), headers.get(), value,
            call.display(), "@Headers(\"" + AUTHORIZATION + ": ...\")");
      }
    }
  }
}
