package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.CredentialsSource;
import io.tokenwise.Env;
import io.tokenwise.InjectableClient;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link InjectedTransfers}: its calls carry a self-refreshing Paxos
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 * Also a {@code jakarta.inject.Provider}: bind a {@link CredentialsSource}, then e.g. Guice's
 * {@code bind(InjectedTransfers.class).toProvider(InjectedTransfersClient.class)}.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class InjectedTransfersClient extends InjectableClient<InjectedTransfers> implements Provider<InjectedTransfers> {
  @Inject
  public InjectedTransfersClient(CredentialsSource credentialsSource) {
    super(credentialsSource, InjectedTransfersClient::builder);
  }

  /**
   * A ready {@link InjectedTransfers} that authenticates with {@code credentials}.
   */
  public static InjectedTransfers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static InjectedTransfersClient.Builder builder() {
    return newBuilder(InjectedTransfers.class, io.tokenwise.Provider.PAXOS, Env.SANDBOX,
        AuthStyle.CLIENT_SECRET_POST, null, null, "transfer:read_transfer");
  }
}
