package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link Banking.Accounts}: its calls carry a self-refreshing Paysway
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
final class Banking_AccountsClient extends GeneratedClient<Banking.Accounts> {
  private Banking_AccountsClient() {
  }

  /**
   * A ready {@link Banking.Accounts} that authenticates with {@code credentials}.
   */
  public static Banking.Accounts create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static Banking_AccountsClient.Builder builder() {
    return newBuilder(Banking.Accounts.class, Provider.PAYSWAY, Env.SANDBOX,
        AuthStyle.CLIENT_SECRET_POST, null, null);
  }
}
