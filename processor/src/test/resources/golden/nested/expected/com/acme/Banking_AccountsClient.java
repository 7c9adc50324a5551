package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link Banking.Accounts}: a Retrofit service whose calls carry a
 * self-refreshing Paysway access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
final class Banking_AccountsClient {
  private Banking_AccountsClient() {
  }

  /**
   * A ready {@link Banking.Accounts} that authenticates with {@code credentials}.
   */
  public static Banking.Accounts create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link Banking.Accounts} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Banking.Accounts}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<Banking.Accounts, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(Banking.Accounts.class, Provider.PAYSWAY, Env.SANDBOX, AuthStyle.CLIENT_SECRET_POST,
          null, null);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
