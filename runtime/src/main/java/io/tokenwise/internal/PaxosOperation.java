package io.tokenwise.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One operation of the Paxos v2 API and the scopes it needs.
 *
 * @param method HTTP method, upper case
 * @param path path relative to the API base, with a leading {@code /} and the spec's placeholder names
 * @param alternatives scope sets of which any one suffices; empty for a public operation, one
 *     empty set for an operation that needs a token but no particular scope
 * @param operationId the OpenAPI operation id
 */
public record PaxosOperation(
    String method, String path, List<Set<String>> alternatives, String operationId) {

  public PaxosOperation {
    alternatives = List.copyOf(alternatives);
  }

  /** True when the operation needs no token. */
  public boolean isPublic() {
    return alternatives.isEmpty();
  }

  /** True when {@code granted} satisfies at least one alternative (always for public operations). */
  public boolean coveredBy(Set<String> granted) {
    return isPublic() || alternatives.stream().anyMatch(granted::containsAll);
  }

  /**
   * The requirement as the provider data writes it: {@code a | b+c}, {@code (public)}, or {@code
   * (none)} when any token will do.
   */
  public String requirement() {
    if (isPublic()) {
      return "(public)";
    }
    if (alternatives.equals(List.of(Set.of()))) {
      return "(none)";
    }
    return alternatives.stream()
        .map(scopes -> String.join("+", scopes))
        .collect(Collectors.joining(" | "));
  }

  /** {@code GET /transfer/transfers}. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
