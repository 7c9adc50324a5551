package io.tokenwise.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The checks on one service method that Retrofit would otherwise make only at run time: one HTTP
 * annotation, a supported return type, placeholders against {@code @Path}s, {@code @Url}, a
 * leading '/' that drops the base path; and {@code @RequiresScopes} against the declared scopes.
 */
final class MethodRules {
  /** Retrofit's own placeholder syntax ({@code RequestFactory.PARAM_URL_REGEX}). */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_-]*)\\}");

  private static final Set<String> SUPPORTED_RETURN_TYPES =
      Set.of("retrofit2.Call", "java.util.concurrent.CompletableFuture");

  private final EndpointDeclaration endpoint;
  private final Report report;
  private final Types types;

  MethodRules(EndpointDeclaration endpoint, Report report, Types types) {
    this.endpoint = endpoint;
    this.report = report;
    this.types = types;
  }

  /** Checks {@code method}; returns its HTTP call when it has exactly one HTTP annotation. */
  Optional<HttpCall> check(ExecutableElement method, TypeMirror returnType) {
    checkRequiredScopes(method);
    checkReturnType(method, returnType);
    List<AnnotationMirror> http = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = Annotations.qualifiedName(mirror);
      if (name.startsWith(HttpCall.RETROFIT_HTTP)
          && HttpCall.METHOD_ANNOTATIONS.contains(Annotations.simpleName(mirror))
          && name.equals(HttpCall.RETROFIT_HTTP + Annotations.simpleName(mirror))) {
        http.add(mirror);
      }
    }
    if (http.isEmpty()) {
      report.addGuessing(Message.MISSING_HTTP_METHOD, lookalike(method), method, null, null,
          method.getSimpleName() + "()");
      return Optional.empty();
    }
    if (http.size() > 1) {
      report.add(Message.MULTIPLE_HTTP_METHODS, method, http.get(1), null,
          method.getSimpleName() + "()", Annotations.simpleName(http.get(0)),
          Annotations.simpleName(http.get(1)));
      return Optional.empty();
    }
    HttpCall call = HttpCall.read(method, http.get(0));
    checkUrlAndPath(call);
    return Optional.of(call);
  }

  /** An HTTP-method-named annotation from another package, such as JAX-RS's {@code @GET}. */
  private static String lookalike(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String simple = Annotations.simpleName(mirror);
      if (HttpCall.METHOD_ANNOTATIONS.contains(simple)) {
        return "@retrofit2.http." + simple + " instead of @" + Annotations.qualifiedName(mirror);
      }
    }
    return null;
  }

  private void checkReturnType(ExecutableElement method, TypeMirror returnType) {
    String display = method.getSimpleName() + "()";
    if (returnType.getKind() != TypeKind.DECLARED
        || !SUPPORTED_RETURN_TYPES.contains(erasureName(returnType))) {
      String guess = returnType.getKind() == TypeKind.VOID ? "Call<Void>"
          : returnType.getKind().isPrimitive()
              ? "Call<" + types.boxedClass(types.getPrimitiveType(returnType.getKind()))
                  .getSimpleName() + ">"
              : returnType.getKind() == TypeKind.DECLARED || returnType.getKind() == TypeKind.ARRAY
                  ? "Call<" + returnType + ">" : null;
      report.addGuessing(Message.UNSUPPORTED_RETURN_TYPE, guess, method, null, null, display,
          returnType, "which Retrofit cannot adapt without an extra call adapter");
      return;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) returnType).getTypeArguments();
    if (arguments.size() != 1) {
      report.add(Message.UNSUPPORTED_RETURN_TYPE, method, null, null, display, returnType,
          "a raw type whose body type Retrofit cannot know");
      return;
    }
    TypeMirror body = arguments.get(0);
    if (!isConcrete(body)) {
      String guess = null;
      if (body instanceof WildcardType wildcard && wildcard.getExtendsBound() != null
          && isConcrete(wildcard.getExtendsBound())) {
        guess = simpleName(returnType) + "<" + wildcard.getExtendsBound() + ">";
      }
      report.addGuessing(Message.UNSUPPORTED_RETURN_TYPE, guess, method, null, null, display,
          returnType, "whose type argument has a wildcard or type variable that Retrofit cannot"
              + " resolve at run time");
    }
  }

  /** No type variables or wildcards anywhere (Retrofit's {@code hasUnresolvableType}). */
  private static boolean isConcrete(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD -> false;
      case ARRAY -> isConcrete(((javax.lang.model.type.ArrayType) type).getComponentType());
      case DECLARED -> ((DeclaredType) type).getTypeArguments().stream()
          .allMatch(MethodRules::isConcrete);
      default -> true;
    };
  }

  private String erasureName(TypeMirror type) {
    return ((TypeElement) types.asElement(type)).getQualifiedName().toString();
  }

  private String simpleName(TypeMirror type) {
    return types.asElement(type).getSimpleName().toString();
  }

  private void checkUrlAndPath(HttpCall call) {
    ExecutableElement method = call.method();
    String path = call.path();
    String annotationName = Annotations.simpleName(call.annotation());
    if (call.urlParameter() != null && !path.isEmpty()) {
      report.add(Message.URL_WITH_PATH, method, call.annotation(), call.pathValue(),
          call.display(), path, annotationName);
    }
    if (call.urlParameter() == null && path.isEmpty()) {
      report.add(Message.MISSING_PATH, method, call.annotation(), call.pathValue(),
          call.display(), annotationName);
    }
    int question = path.indexOf('?');
    String pathPart = question < 0 ? path : path.substring(0, question);
    if (question >= 0) {
      Matcher inQuery = PLACEHOLDER.matcher(path.substring(question + 1));
      while (inQuery.find()) {
        report.add(Message.QUERY_PLACEHOLDER, method, call.annotation(), call.pathValue(), path,
            inQuery.group(1));
      }
    }
    Set<String> placeholders = new LinkedHashSet<>();
    if (call.urlParameter() == null) {
      Matcher matcher = PLACEHOLDER.matcher(pathPart);
      while (matcher.find()) {
        placeholders.add(matcher.group(1));
      }
    }
    Set<String> named = new LinkedHashSet<>();
    for (HttpCall.PathParameter parameter : call.pathParameters()) {
      named.add(parameter.name());
    }
    Set<String> unmatchedPlaceholders = new LinkedHashSet<>(placeholders);
    unmatchedPlaceholders.removeAll(named);
    Set<String> unmatchedNames = new LinkedHashSet<>(named);
    unmatchedNames.removeAll(placeholders);

    for (String placeholder : unmatchedPlaceholders) {
      String guess = Nearest.typoOf(placeholder, unmatchedNames)
          .map(name -> "@Path(\"" + placeholder + "\") instead of @Path(\"" + name + "\")")
          .orElseGet(() -> unannotated(method, placeholder));
      report.addGuessing(Message.MISSING_PATH_PARAMETER, guess, method, call.annotation(),
          call.pathValue(), placeholder, path, placeholder, call.display(), placeholder,
          javaName(placeholder));
    }
    for (HttpCall.PathParameter parameter : call.pathParameters()) {
      if (!unmatchedNames.contains(parameter.name())) {
        continue;
      }
      String where = call.urlParameter() != null
          ? "the path (the URL comes whole from the @Url parameter)"
          : path.isEmpty() ? "the empty path" : "\"" + path + "\"";
      String guess = Nearest.typoOf(parameter.name(), unmatchedPlaceholders)
          .map(name -> "@Path(\"" + name + "\")").orElse(null);
      report.addGuessing(Message.UNUSED_PATH_PARAMETER, guess, parameter.parameter(),
          parameter.annotation(), parameter.nameValue(), parameter.name(),
          parameter.parameter().getSimpleName(), parameter.name(), where);
    }

    if (path.startsWith("/") && !path.startsWith("//") && call.urlParameter() == null) {
      Optional<String> base = endpoint.effectiveBaseUrl();
      String basePath = base.map(MethodRules::basePath).orElse("/");
      if (!basePath.equals("/")) {
        report.addGuessing(Message.LEADING_SLASH, EndpointRules.quote(path.replaceFirst("^/+", "")),
            method, call.annotation(), call.pathValue(), path, basePath, base.get());
      }
    }
  }

  /** A parameter that lacks {@code @Path} but whose Java name is the placeholder's. */
  private static String unannotated(ExecutableElement method, String placeholder) {
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(placeholder)
          || parameter.getSimpleName().contentEquals(javaName(placeholder))) {
        return "@Path(\"" + placeholder + "\") on parameter " + parameter.getSimpleName();
      }
    }
    return null;
  }

  /** {@code profile_id} → {@code profileId}: the parameter name a fix would use. */
  static String javaName(String placeholder) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : placeholder.toCharArray()) {
      if (c == '_' || c == '-') {
        upper = name.length() > 0;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** The path of a base URL as written, {@code {clientId}} included: {@code /v2.01/{clientId}/}. */
  static String basePath(String baseUrl) {
    int scheme = baseUrl.indexOf("://");
    int slash = baseUrl.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (slash < 0) {
      return "/";
    }
    int end = baseUrl.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = baseUrl.indexOf(stop, slash);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return baseUrl.substring(slash, end);
  }

  private void checkRequiredScopes(ExecutableElement method) {
    Optional<AnnotationMirror> requires =
        Annotations.find(method, ClientNames.REQUIRES_SCOPES.canonicalName());
    if (requires.isEmpty()) {
      return;
    }
    List<String> declared = endpoint.scopeNames();
    for (AnnotationValue value : Annotations.array(Annotations.value(requires.get(), "value"))) {
      if (value.getValue() instanceof String scope && !declared.contains(scope)) {
        report.addGuessing(Message.UNDECLARED_SCOPE,
            Nearest.typoOf(scope, declared).map(EndpointRules::quote).orElse(null),
            method, requires.get(), value, scope, endpoint.type().getSimpleName());
      }
    }
  }
}
