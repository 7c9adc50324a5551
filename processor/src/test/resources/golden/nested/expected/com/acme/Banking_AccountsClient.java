package com.acme;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
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
      super(Banking.Accounts.class);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
