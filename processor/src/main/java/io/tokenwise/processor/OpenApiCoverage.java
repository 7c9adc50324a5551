package io.tokenwise.processor;

import io.tokenwise.internal.Nearest;
import io.tokenwise.internal.PaxosCatalog;
import io.tokenwise.internal.ProviderSpec;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an interface against the OpenAPI document its {@code @TokenEndpoint(openApi = ...)}
 * names: each declared scope must be one the document knows, each method must reach one of its
 * operations, and the declared scopes must meet that operation's security. For Paxos the
 * document takes the place of the built-in table ({@link TableCoverage}).
 *
 * <p>Providers whose tokens carry no scopes (Mangopay, Paysway, Papaya Global) get the path
 * checks only: which scopes their tokens hold is the provider's business.
 */
final class OpenApiCoverage {
  private final EndpointDeclaration endpoint;
  private final Report report;
  private final OpenApiDocument document;
  /** The base URL's path without its trailing slash, or null when it is known only at run time. */
  private final String basePath;
  private final Set<String> declared;

  private OpenApiCoverage(EndpointDeclaration endpoint, Report report, OpenApiDocument document) {
    this.endpoint = endpoint;
    this.report = report;
    this.document = document;
    this.basePath = endpoint.effectiveBaseUrl()
        .map(url -> MethodRules.basePath(url).replaceFirst("/+$", ""))
        .orElse(null);
    this.declared = new LinkedHashSet<>(endpoint.scopeNames());
  }

  /**
   * The checks for {@code endpoint}, after checking its declared scopes; empty when it names no
   * document, or names one that cannot be used (reported on the {@code openApi} value).
   */
  static Optional<OpenApiCoverage> of(EndpointDeclaration endpoint, OpenApiDocuments documents,
      Report report) {
    if (endpoint.openApi().isEmpty()) {
      return Optional.empty();
    }
    OpenApiDocuments.Loaded loaded = documents.load(endpoint.openApi());
    if (loaded.problem() != null) {
      report.add(loaded.problem(), endpoint.type(), endpoint.annotation(),
          endpoint.openApiValue(), endpoint.openApi(), loaded.detail());
      return Optional.empty();
    }
    OpenApiCoverage coverage = new OpenApiCoverage(endpoint, report, loaded.document());
    coverage.checkScopes();
    return Optional.of(coverage);
  }

  private boolean checksScopes() {
    return endpoint.spec().takesScopes();
  }

  /** Each declared scope the document does not know, once, with the nearest it does. */
  private void checkScopes() {
    if (!checksScopes()) {
      return; // ScopesNotSupported already says to remove them
    }
    Set<String> seen = new HashSet<>();
    for (EndpointDeclaration.Scope scope : endpoint.scopes()) {
      if (EndpointRules.grammarProblem(scope.name()).isPresent() || !seen.add(scope.name())
          || document.scopes().contains(scope.name())) {
        continue; // InvalidScope and DuplicateScope speak for the first two
      }
      report.addGuessing(Message.OPENAPI_UNKNOWN_SCOPE,
          Nearest.typoOf(scope.name(), document.scopes()).map(EndpointRules::quote).orElse(null),
          endpoint.type(), endpoint.annotation(), scope.value(), scope.name(),
          endpoint.openApi());
    }
  }

  /**
   * Checks one call. {@code declaresOwnScopes}: the method carries {@code @RequiresScopes},
   * which is how users vouch for an endpoint the document does not have yet.
   */
  void check(HttpCall call, boolean declaresOwnScopes) {
    if (!call.hasRelativePath()) {
      return; // a @Url or a full URL: nothing to look up
    }
    Optional<OpenApiDocument.Operation> found =
        document.find(call.httpMethod(), call.path(), basePath);
    if (found.isEmpty()) {
      if (!declaresOwnScopes) {
        report.addGuessing(Message.OPENAPI_UNKNOWN_PATH, nearest(call), call.method(),
            call.annotation(), call.pathValue(), call.httpMethod(), call.path(),
            endpoint.openApi());
      }
      return;
    }
    OpenApiDocument.Operation operation = found.get();
    OpenApiDocument.Security security = operation.security();
    if (security.unreachable()) {
      report.add(Message.OPENAPI_OTHER_SECURITY, call.method(), call.annotation(), null,
          call.httpMethod(), call.path(), operation.label(), endpoint.openApi(),
          String.join(" or ", security.otherSchemes()));
      return;
    }
    boolean noScopesAtAll =
        declared.isEmpty() && endpoint.spec().scopes() == ProviderSpec.Scopes.REQUIRED;
    if (!checksScopes() || security.coveredBy(declared) || noScopesAtAll) {
      return; // a Paxos interface without scopes is one NoScopes error, not one per method
    }
    report.add(Message.OPENAPI_MISSING_SCOPE, call.method(), call.annotation(), null,
        call.httpMethod(), call.path(), operation.label(), endpoint.openApi(),
        TableCoverage.describe(security.alternatives(), " and "),
        endpoint.type().getSimpleName(), TableCoverage.fix(security.alternatives(), declared));
  }

  /**
   * The operations at the same path under other methods, or else the one whose path is nearest
   * among those of the same method.
   */
  private String nearest(HttpCall call) {
    List<String> otherMethods = OpenApiDocument.METHODS.stream()
        .map(method -> document.find(method.toUpperCase(Locale.ROOT), call.path(), basePath))
        .flatMap(Optional::stream)
        .map(this::describe)
        .toList();
    if (!otherMethods.isEmpty()) {
      return String.join(" or ", otherMethods);
    }
    List<OpenApiDocument.Operation> sameMethod = document.operations().stream()
        .filter(operation -> operation.method().equals(call.httpMethod()))
        .toList();
    return Nearest.closest(PaxosCatalog.normalizePath(call.path()), sameMethod,
            operation -> PaxosCatalog.normalizePath(
                OpenApiDocument.relativePath(operation, basePath)),
            Integer.MAX_VALUE)
        .map(this::describe)
        .orElse(null);
  }

  /** {@code GET "transfer/transfers/{id}" (GetTransfer, needing transfer:read_transfer)}. */
  private String describe(OpenApiDocument.Operation operation) {
    return operation.method() + " \"" + OpenApiDocument.relativePath(operation, basePath) + "\" ("
        + operation.label() + ", needing " + operation.security().describe() + ")";
  }

  /** For a Paxos interface with no scopes: the first way to meet each operation it calls. */
  Set<String> scopesNeededBy(List<HttpCall> calls) {
    Set<String> needed = new LinkedHashSet<>();
    for (HttpCall call : calls) {
      if (call.hasRelativePath()) {
        document.find(call.httpMethod(), call.path(), basePath)
            .map(OpenApiDocument.Operation::security)
            .filter(security -> !security.isPublic() && !security.unreachable())
            .ifPresent(security -> needed.addAll(security.alternatives().get(0)));
      }
    }
    return needed;
  }
}
