package io.tokenwise.processor;

import io.tokenwise.Env;
import io.tokenwise.internal.Nearest;
import io.tokenwise.internal.OperationTable;
import io.tokenwise.internal.ProviderSpec;
import io.tokenwise.internal.UrlRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;

/** The checks on {@code @TokenEndpoint}'s own attributes: provider rules, URLs and scopes. */
final class EndpointRules {
  private final Report report;

  EndpointRules(Report report) {
    this.report = report;
  }

  void check(EndpointDeclaration endpoint) {
    checkProvider(endpoint);
    checkUrl(endpoint, "baseUrl", endpoint.baseUrl(), endpoint.baseUrlValue());
    checkUrl(endpoint, "tokenUrl", endpoint.tokenUrl(), endpoint.tokenUrlValue());
    checkScopes(endpoint);
  }

  private void checkProvider(EndpointDeclaration endpoint) {
    ProviderSpec spec = endpoint.spec();
    if (spec.requiresTokenUrl() && endpoint.tokenUrl().isEmpty()) {
      report.add(Message.MISSING_TOKEN_URL, endpoint.type(), endpoint.annotation(), null,
          spec.displayName());
    }
    if (spec.resolveAuthStyle(endpoint.authStyle()).isEmpty()) {
      report.add(Message.MISSING_AUTH_STYLE, endpoint.type(), endpoint.annotation(),
          endpoint.authStyleValue(), spec.displayName());
    }
    checkUnpublishedUrls(endpoint);
  }

  /**
   * A URL that neither the annotation nor the catalog gives (Papaya's API host in any env, its
   * production token host, a CUSTOM base URL): say now what build() will ask for later.
   */
  private void checkUnpublishedUrls(EndpointDeclaration endpoint) {
    ProviderSpec spec = endpoint.spec();
    Env env = endpoint.env();
    // A provider with no token URL at all has already had MissingTokenUrl, an error.
    boolean noToken = endpoint.tokenUrl().isEmpty() && spec.tokenUrl(env).isEmpty()
        && !spec.requiresTokenUrl();
    boolean noBase = endpoint.baseUrl().isEmpty() && spec.baseUrl(env).isEmpty();
    if (!noToken && !noBase) {
      return;
    }
    String what = noToken && noBase ? "token URL or API base URL"
        : noToken ? "token URL" : "API base URL";
    String calls = (noToken ? "tokenUrl(\"https://...\")" : "")
        + (noToken && noBase ? " and " : "")
        + (noBase ? "baseUrl(\"https://.../\")" : "");
    report.add(Message.UNPUBLISHED_URL, endpoint.type(), endpoint.annotation(), null,
        spec.displayName(), env, what, calls);
  }

  /** Absolute, https unless loopback, and for base URLs ending in '/'. Empty means "not set". */
  private void checkUrl(EndpointDeclaration endpoint, String attribute, String url,
      AnnotationValue value) {
    if (url.isEmpty()) {
      return;
    }
    if (UrlRules.hasUserInfo(url)) {
      // First, and redacted: any other message would print the password in the build log.
      report.add(Message.URL_WITH_USER_INFO, endpoint.type(), endpoint.annotation(), value,
          attribute, UrlRules.redact(url));
      return;
    }
    boolean isBase = attribute.equals("baseUrl");
    // Only a base URL may carry {clientId} (Mangopay's paths embed it); the runtime fills it in.
    String parsable = isBase ? url.replace(ProviderSpec.CLIENT_ID_PLACEHOLDER, "clientId") : url;
    URI uri;
    try {
      uri = new URI(parsable);
    } catch (URISyntaxException e) {
      report.add(Message.INVALID_URL, endpoint.type(), endpoint.annotation(), value,
          attribute, url, e.getReason(), example(isBase));
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null) {
      String reason = !uri.isAbsolute() ? "no scheme"
          : !(scheme.equals("https") || scheme.equals("http")) ? "scheme " + scheme
          : "no host";
      String guess = !uri.isAbsolute() && !url.startsWith("/") ? quote("https://" + url) : null;
      report.addGuessing(Message.INVALID_URL, guess, endpoint.type(), endpoint.annotation(),
          value, attribute, url, reason, example(isBase));
      return;
    }
    if (!UrlRules.mayCarryCredentials(scheme, uri.getHost())) {
      report.addGuessing(Message.INSECURE_URL, quote("https" + url.substring(4)),
          endpoint.type(), endpoint.annotation(), value, attribute, url,
          isBase ? "the access token" : "the client secret");
      return;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (isBase && !path.isEmpty() && !path.endsWith("/")) {
      int query = url.indexOf('?');
      String fixed = query < 0 ? url + "/" : url.substring(0, query) + "/" + url.substring(query);
      report.addGuessing(Message.BASE_URL_SLASH, quote(fixed), endpoint.type(),
          endpoint.annotation(), value, url);
    }
  }

  private void checkScopes(EndpointDeclaration endpoint) {
    if (!endpoint.takesScopes()) {
      if (!endpoint.scopes().isEmpty()) {
        // A provider without scopes has no fix but removal; a scopeless style has another style.
        String otherStyle = endpoint.spec().takesScopes()
            ? ", or use AuthStyle.CLIENT_SECRET_POST or CLIENT_SECRET_BASIC if the server takes"
                + " scopes" : "";
        report.add(Message.SCOPES_NOT_SUPPORTED, endpoint.type(), endpoint.annotation(),
            endpoint.scopesValue(), endpoint.scopelessTokens(), quoteAll(endpoint.scopeNames()),
            otherStyle);
      }
      return;
    }
    // An empty Paxos scope list is reported with the interface's needs, by InterfaceValidator.
    Set<String> seen = new HashSet<>();
    // With an OpenAPI document, OpenApiCoverage checks the scopes against it instead.
    Optional<OperationTable> table = endpoint.builtInTable();
    for (EndpointDeclaration.Scope scope : endpoint.scopes()) {
      Optional<String> grammar = grammarProblem(scope.name());
      if (grammar.isPresent()) {
        report.addGuessing(Message.INVALID_SCOPE, grammarGuess(scope.name()), endpoint.type(),
            endpoint.annotation(), scope.value(), scope.name(), grammar.get());
        continue;
      }
      if (!seen.add(scope.name())) {
        report.add(Message.DUPLICATE_SCOPE, endpoint.type(), endpoint.annotation(),
            scope.value(), scope.name());
        continue;
      }
      Set<String> known = table.map(OperationTable::scopes).orElse(null);
      if (known != null && !known.contains(scope.name())) {
        report.addGuessing(Message.UNKNOWN_SCOPE,
            Nearest.typoOf(scope.name(), known).map(EndpointRules::quote).orElse(null),
            endpoint.type(), endpoint.annotation(), scope.value(), scope.name(),
            endpoint.spec().apiName(), endpoint.spec().displayName());
      }
    }
  }

  /**
   * What breaks RFC 6749's {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, if anything.
   */
  static Optional<String> grammarProblem(String scope) {
    if (scope.isEmpty()) {
      return Optional.of("it is empty; remove it");
    }
    for (int i = 0; i < scope.length(); i++) {
      char c = scope.charAt(i);
      if (c == ' ') {
        return Optional.of("it contains a space, and each string must be one scope;"
            + " put each scope in its own string");
      }
      if (!isScopeChar(c)) {
        return Optional.of(String.format("it contains %s (U+%04X) at index %d, which a scope"
            + " may not contain; remove it", printable(c), (int) c, i));
      }
    }
    return Optional.empty();
  }

  static boolean isScopeChar(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
  }

  private static String grammarGuess(String scope) {
    String trimmed = scope.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.contains(" ")) {
      return quoteAll(java.util.List.of(trimmed.split(" +")));
    }
    StringBuilder kept = new StringBuilder();
    trimmed.chars().filter(c -> isScopeChar((char) c)).forEach(c -> kept.append((char) c));
    return kept.length() == 0 || kept.toString().equals(scope) ? null : quote(kept.toString());
  }

  private static String printable(char c) {
    return c == '"' ? "'\"'" : c == '\\' ? "'\\\\'" : Character.isISOControl(c) ? "a control character"
        : "'" + c + "'";
  }

  private static String example(boolean isBase) {
    return isBase ? "\"https://api.example.com/v1/\"" : "\"https://auth.example.com/oauth2/token\"";
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  /** {@code {"a", "b"}}, as a user writes it in source. */
  static String quoteAll(java.util.Collection<String> scopes) {
    return "{" + String.join(", ", scopes.stream().map(EndpointRules::quote).toList()) + "}";
  }
}
