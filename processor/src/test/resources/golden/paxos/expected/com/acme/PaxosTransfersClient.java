package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PaxosTransfers}: a Retrofit service whose calls carry a
 * self-refreshing Paxos access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PaxosTransfersClient {
  private PaxosTransfersClient() {
  }

  /**
   * A ready {@link PaxosTransfers} that authenticates with {@code credentials}.
   */
  public static PaxosTransfers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link PaxosTransfers} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PaxosTransfers}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<PaxosTransfers, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(PaxosTransfers.class, Provider.PAXOS, Env.SANDBOX, AuthStyle.CLIENT_SECRET_POST,
          null, null,
          "transfer:read_transfer",
          "funding:read_profile");
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
