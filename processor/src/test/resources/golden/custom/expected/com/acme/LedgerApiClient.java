package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link LedgerApi}: its calls carry a self-refreshing CUSTOM provider
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class LedgerApiClient extends GeneratedClient<LedgerApi> {
  private LedgerApiClient() {
  }

  /**
   * A ready {@link LedgerApi} that authenticates with {@code credentials}.
   */
  public static LedgerApi create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static LedgerApiClient.Builder builder() {
    return newBuilder(LedgerApi.class, Provider.CUSTOM, Env.SANDBOX, AuthStyle.CLIENT_SECRET_BASIC,
        "https://auth.ledger.example/oauth2/token", "https://api.ledger.example/v3/", "ledger.read",
        "ledger.write");
  }
}
