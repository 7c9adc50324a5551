package io.tokenwise.internal;

import io.tokenwise.AuthStyle;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import java.util.Optional;

/**
 * What the catalog knows of one provider: its URLs per environment (absent where no document
 * publishes one), its own auth style, whether it takes scopes and the environment variables that
 * hold its credentials.
 */
public record ProviderSpec(
    Provider provider,
    AuthStyle authStyle,
    boolean takesScopes,
    String sandboxTokenUrl,
    String productionTokenUrl,
    String sandboxBaseUrl,
    String productionBaseUrl,
    String clientIdVariable,
    String secretVariable) {

  /** Placeholder in a base URL that the client fills with the (path-encoded) client id. */
  public static final String CLIENT_ID_PLACEHOLDER = "{clientId}";

  /** The documented token URL for {@code env}, or empty when none is published. */
  public Optional<String> tokenUrl(Env env) {
    return Optional.ofNullable(env == Env.SANDBOX ? sandboxTokenUrl : productionTokenUrl);
  }

  /** The documented API base URL for {@code env}, or empty when none is published. */
  public Optional<String> baseUrl(Env env) {
    return Optional.ofNullable(env == Env.SANDBOX ? sandboxBaseUrl : productionBaseUrl);
  }
}
