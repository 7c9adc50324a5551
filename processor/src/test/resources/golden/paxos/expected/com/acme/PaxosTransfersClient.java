package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PaxosTransfers}: its calls carry a self-refreshing Paxos
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PaxosTransfersClient extends GeneratedClient<PaxosTransfers> {
  private PaxosTransfersClient() {
  }

  /**
   * A ready {@link PaxosTransfers} that authenticates with {@code credentials}.
   */
  public static PaxosTransfers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static PaxosTransfersClient.Builder builder() {
    return newBuilder(PaxosTransfers.class, Provider.PAXOS, Env.SANDBOX,
        AuthStyle.CLIENT_SECRET_POST, null, null, "transfer:read_transfer", "funding:read_profile");
  }
}
