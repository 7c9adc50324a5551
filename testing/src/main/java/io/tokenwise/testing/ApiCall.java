package io.tokenwise.testing;

import io.tokenwise.Provider;
import io.tokenwise.internal.UrlRules;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to an emulated API, as received and answered: which bearer token it carried and what
 * the emulator said ({@link ProviderEmulator#apiCalls}).
 *
 * @param provider the emulated provider
 * @param method the HTTP method
 * @param target the raw path and query, e.g. {@code /v2/transfer/transfers?limit=10}
 * @param bearer the token of its {@code Authorization: Bearer} header, or null without one
 * @param status the status answered (401 for a missing, unknown, revoked or expired token)
 */
public record ApiCall(Provider provider, String method, String target, String bearer,
    int status) {
  /** Checks the fields. */
  public ApiCall {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(target, "target == null");
  }

  /** The bearer token the call carried, if any. */
  public Optional<String> bearerToken() {
    return Optional.ofNullable(bearer);
  }

  /** Everything but the token, which is only said to be there or not, and the query. */
  @Override
  public String toString() {
    return "ApiCall{" + provider + " " + method + " " + UrlRules.redact(target) + " -> " + status
        + (bearer == null ? ", no bearer" : ", with a bearer") + "}";
  }
}
