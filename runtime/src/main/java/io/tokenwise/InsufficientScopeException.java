package io.tokenwise;

import java.util.Set;

/**
 * The provider issued a token whose {@code scope} lacks some requested scopes: the credentials are
 * not entitled to them. Ask the provider to grant them, or stop requesting them.
 */
public final class InsufficientScopeException extends TokenException {
  private static final long serialVersionUID = 1L;

  private final Set<String> missingScopes;
  private final Set<String> grantedScopes;

  InsufficientScopeException(
      Provider provider, String message, Set<String> missingScopes, Set<String> grantedScopes) {
    this(provider, message, missingScopes, grantedScopes, null);
  }

  private InsufficientScopeException(Provider provider, String message, Set<String> missingScopes,
      Set<String> grantedScopes, Throwable cause) {
    super(provider, message, cause);
    this.missingScopes = Set.copyOf(missingScopes);
    this.grantedScopes = Set.copyOf(grantedScopes);
  }

  @Override
  InsufficientScopeException forCaller() {
    return new InsufficientScopeException(provider(), getMessage(), missingScopes, grantedScopes,
        this);
  }

  /** Requested scopes the provider did not grant. */
  public Set<String> missingScopes() {
    return missingScopes;
  }

  /** Scopes the provider did grant. */
  public Set<String> grantedScopes() {
    return grantedScopes;
  }
}
