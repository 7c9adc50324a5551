package io.tokenwise.processor;

import io.tokenwise.internal.Nearest;
import io.tokenwise.internal.OperationTable;
import io.tokenwise.internal.PaxosCatalog;
import io.tokenwise.internal.PaxosOperation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches service methods against a provider's operation table (Paxos's): the declared scopes
 * must cover each known endpoint, and a path the table does not know earns a warning with the
 * nearest one.
 */
final class TableCoverage {
  private final OperationTable catalog;
  private final EndpointDeclaration endpoint;
  private final Report report;
  /** The declared scopes, in declared order: the same for every method. */
  private final Set<String> declared;

  TableCoverage(OperationTable catalog, EndpointDeclaration endpoint, Report report) {
    this.catalog = catalog;
    this.endpoint = endpoint;
    this.report = report;
    this.declared = new LinkedHashSet<>(endpoint.scopeNames());
  }

  /** The operation {@code call} invokes, if its path is relative and in the table. */
  Optional<PaxosOperation> operationOf(HttpCall call) {
    return call.hasRelativePath() ? catalog.find(call.httpMethod(), call.path()) : Optional.empty();
  }

  /**
   * Checks one call. {@code declaresOwnScopes}: the method carries {@code @RequiresScopes},
   * which is how users vouch for an endpoint the table does not know.
   */
  void check(HttpCall call, boolean declaresOwnScopes) {
    if (!call.hasRelativePath()) {
      return; // a @Url or a full URL: nothing to look up
    }
    Optional<PaxosOperation> operation = operationOf(call);
    if (operation.isEmpty()) {
      if (!declaresOwnScopes) {
        report.addGuessing(Message.UNKNOWN_PATH, nearest(call), call.method(),
            call.annotation(), call.pathValue(), call.httpMethod(), call.path(),
            endpoint.spec().apiName());
      }
      return;
    }
    PaxosOperation known = operation.get();
    if (declared.isEmpty() || known.coveredBy(declared)) {
      return; // no scopes at all is one NoScopes error, not one error per method
    }
    report.add(Message.MISSING_SCOPE, call.method(), call.annotation(), null,
        call.httpMethod(), call.path(), endpoint.spec().displayName(), known.operationId(),
        describe(known.alternatives(), " and "),
        endpoint.type().getSimpleName(), fix(known.alternatives(), declared));
  }

  /** What to add: for each alternative, its scopes not yet declared. */
  static String fix(List<Set<String>> alternatives, Set<String> declared) {
    List<Set<String>> missing = new ArrayList<>();
    for (Set<String> alternative : alternatives) {
      Set<String> lacking = new LinkedHashSet<>(alternative);
      lacking.removeAll(declared);
      missing.add(lacking);
    }
    String options = missing.stream()
        .map(scopes -> scopes.stream().map(EndpointRules::quote).collect(Collectors.joining(" and ")))
        .collect(Collectors.joining(" or "));
    return missing.size() > 1 ? "one of " + options : options;
  }

  /** {@code a or b and c}. */
  static String describe(List<Set<String>> alternatives, String and) {
    return alternatives.stream().map(scopes -> String.join(and, scopes))
        .collect(Collectors.joining(" or "));
  }

  /** The table's path nearest to the call's, among operations of the same HTTP method. */
  private String nearest(HttpCall call) {
    List<PaxosOperation> sameMethod = catalog.operations().stream()
        .filter(operation -> operation.method().equals(call.httpMethod()))
        .toList();
    return Nearest.closest(PaxosCatalog.normalizePath(call.path()), sameMethod,
            operation -> PaxosCatalog.normalizePath(operation.path()), Integer.MAX_VALUE)
        .map(operation -> call.httpMethod() + " \"" + operation.path().substring(1) + "\" ("
            + operation.operationId() + ", needing " + operation.requirement() + ")")
        .orElse(null);
  }

  /** For a Paxos interface with no scopes: the first way to cover each endpoint it calls. */
  Set<String> scopesNeededBy(List<HttpCall> calls) {
    Set<String> needed = new LinkedHashSet<>();
    for (HttpCall call : calls) {
      // An operation needing a token but no particular scope has one empty alternative.
      operationOf(call).filter(operation -> !operation.isPublic())
          .ifPresent(operation -> needed.addAll(operation.alternatives().get(0)));
    }
    return needed;
  }
}
