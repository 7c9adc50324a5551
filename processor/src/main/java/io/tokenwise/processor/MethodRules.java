package io.tokenwise.processor;

import io.tokenwise.internal.Nearest;
import io.tokenwise.internal.ProviderSpec;
import io.tokenwise.internal.UrlRules;
import java.net.URI;
import java.net.URISyntaxException;
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
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The checks on one service method that Retrofit would otherwise make only at run time: one HTTP
 * annotation, a supported return type, placeholders against {@code @Path}s, {@code @Url}, a
 * leading '/' that drops the base path; and {@code @RequiresScopes} against the declared scopes.
 */
final class MethodRules {
  /** Retrofit's own placeholder syntax ({@code RequestFactory.PARAM_URL_REGEX}). */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_-]*)\\}");

  /** A URL scheme as OkHttp's {@code HttpUrl} reads it: a path starting so is absolute. */
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  /** Stands in for a {placeholder}, which java.net.URI cannot parse; never a real host name. */
  private static final String HOST_PLACEHOLDER = "placeholder.invalid";

  private final EndpointDeclaration endpoint;
  private final Report report;
  private final ReturnTypeRules returnTypes;
  private final ParameterRules parameters;

  MethodRules(EndpointDeclaration endpoint, Report report, Types types, Elements elements) {
    this.endpoint = endpoint;
    this.report = report;
    this.returnTypes = new ReturnTypeRules(report, types, elements);
    this.parameters = new ParameterRules(report);
  }

  /**
   * Checks {@code method}, whose signature as a member of the interface is {@code signature};
   * returns its HTTP call when it has exactly one HTTP annotation.
   */
  Optional<HttpCall> check(ExecutableElement method, ExecutableType signature) {
    checkRequiredScopes(method);
    ReturnTypeRules.Shape shape = returnTypes.check(method, signature);
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
    boolean withoutToken = isWithoutAccessToken(method);
    checkUrlAndPath(call);
    checkAbsoluteUrl(call, withoutToken);
    parameters.check(call, signature, shape.continuation(), withoutToken);
    if (call.httpMethod().equals("HEAD") && shape.body() != null
        && !ReturnTypeRules.isVoid(shape.body())) {
      report.add(Message.HEAD_WITH_BODY, method, null, null, call.display(), shape.body());
    }
    return Optional.of(call);
  }

  static boolean isWithoutAccessToken(ExecutableElement method) {
    return Annotations.find(method, ClientNames.WITHOUT_ACCESS_TOKEN.canonicalName()).isPresent();
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
    // A leading '/' that drops the base path: "/v2/transfer/transfers" copied from the docs.
    int repeatedBase = 0;
    if (path.startsWith("/") && !path.startsWith("//") && call.urlParameter() == null) {
      Optional<String> base = endpoint.effectiveBaseUrl();
      String basePath = base.map(MethodRules::basePath).orElse("/");
      if (!basePath.equals("/")) {
        repeatedBase = repeatedBasePath(pathPart, basePath);
        String relative = repeatedBase > 0 && repeatedBase < path.length()
            ? path.substring(repeatedBase) : path.replaceFirst("^/+", "");
        report.addGuessing(Message.LEADING_SLASH, EndpointRules.quote(relative),
            method, call.annotation(), call.pathValue(), path, basePath, base.get());
      }
    }
    Set<String> placeholders = new LinkedHashSet<>();
    if (call.urlParameter() == null) {
      // Placeholders of the repeated base path go with it: the fix removes them.
      Matcher matcher = PLACEHOLDER.matcher(pathPart.substring(Math.min(repeatedBase,
          pathPart.length())));
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
  }

  /**
   * How many characters of {@code path} repeat {@code basePath}, segment by segment, with its
   * trailing '/' ({@code {clientId}} stands for any segment); 0 when the path does not start so.
   */
  static int repeatedBasePath(String path, String basePath) {
    int at = 0;
    for (String segment : basePath.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      int end = path.indexOf('/', at + 1);
      if (path.charAt(at) != '/' || end < 0) {
        return 0;
      }
      String written = path.substring(at + 1, end);
      if (!written.equals(segment)
          && !(segment.equals(ProviderSpec.CLIENT_ID_PLACEHOLDER) && !written.isEmpty())) {
        return 0;
      }
      at = end;
    }
    return at + 1;
  }

  /**
   * A full URL in the HTTP annotation follows the base URL's rules: https unless loopback. The
   * runtime attaches the token only to the base URL's origin, so another origin is reported
   * unless the method is {@code @WithoutAccessToken}. When no base URL is known at compile time
   * (Papaya, CUSTOM without one), the origin cannot be compared and only the scheme is checked.
   */
  private void checkAbsoluteUrl(HttpCall call, boolean withoutToken) {
    String path = call.path();
    boolean schemeRelative = path.startsWith("//");
    if (!schemeRelative && !SCHEME.matcher(path).find()) {
      return; // a relative path, as nearly every method has: no URL to parse
    }
    if (UrlRules.hasUserInfo(path)) { // before any message that would print the password
      report.add(Message.URL_WITH_USER_INFO, call.method(), call.annotation(), call.pathValue(),
          "@" + Annotations.simpleName(call.annotation()), UrlRules.redact(path));
      return;
    }
    Optional<URI> base = endpoint.effectiveBaseUrl().flatMap(MethodRules::parse);
    String written = path;
    if (schemeRelative) { // Retrofit takes the base URL's scheme
      written = base.map(URI::getScheme).orElse("https") + ":" + path;
    }
    String annotation = Annotations.simpleName(call.annotation());
    Optional<URI> url = parse(written);
    String scheme = url.map(URI::getScheme).orElse("").toLowerCase(java.util.Locale.ROOT);
    if (url.isEmpty() || url.get().getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      report.add(Message.INVALID_URL, call.method(), call.annotation(), call.pathValue(),
          "@" + annotation, path, url.isEmpty() ? "it does not parse"
              : url.get().getHost() == null ? "no host" : "scheme " + scheme,
          "\"https://api.example.com/v1/things\"");
      return;
    }
    if (!UrlRules.mayCarryCredentials(scheme, url.get().getHost())) {
      report.addGuessing(Message.INSECURE_METHOD_URL,
          EndpointRules.quote("https" + written.substring(4)), call.method(), call.annotation(),
          call.pathValue(), annotation, path, call.display());
      return;
    }
    boolean placeholderHost = url.get().getHost().contains(HOST_PLACEHOLDER);
    if (!withoutToken && base.isPresent() && !placeholderHost
        && !UrlRules.sameOrigin(base.get(), url.get())) {
      report.add(Message.CROSS_ORIGIN_URL, call.method(), call.annotation(), call.pathValue(),
          annotation, path, endpoint.effectiveBaseUrl().orElseThrow(), call.display());
    }
  }

  private static Optional<URI> parse(String url) {
    try {
      return Optional.of(new URI(PLACEHOLDER.matcher(url.replace(
          ProviderSpec.CLIENT_ID_PLACEHOLDER, "clientId")).replaceAll(HOST_PLACEHOLDER)));
    } catch (URISyntaxException e) {
      return Optional.empty();
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
    if (!endpoint.takesScopes()) {
      report.add(Message.REQUIRES_SCOPES_NOT_APPLICABLE, method, requires.get(), null,
          endpoint.scopelessTokens());
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
