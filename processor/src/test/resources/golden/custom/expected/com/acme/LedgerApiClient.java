package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link LedgerApi}: a Retrofit service whose calls carry a
 * self-refreshing CUSTOM provider access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class LedgerApiClient {
  private LedgerApiClient() {
  }

  /**
   * A ready {@link LedgerApi} that authenticates with {@code credentials}.
   */
  public static LedgerApi create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link LedgerApi} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link LedgerApi}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<LedgerApi, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(LedgerApi.class, Provider.CUSTOM, Env.SANDBOX, AuthStyle.CLIENT_SECRET_BASIC,
          "https://auth.ledger.example/oauth2/token", "https://api.ledger.example/v3/",
          "ledger.read",
          "ledger.write");
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
