package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.CredentialsSource;
import io.tokenwise.Env;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link InjectedTransfers}: a Retrofit service whose calls carry a
 * self-refreshing Paxos access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 *
 * <p>For dependency injection it is also a {@code jakarta.inject.Provider} of the service:
 * bind a {@link CredentialsSource} once, then one line per client, e.g. Guice
 * {@code bind(InjectedTransfers.class).toProvider(InjectedTransfersClient.class)}.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class InjectedTransfersClient implements Provider<InjectedTransfers> {
  private final CredentialsSource credentialsSource;

  /**
   * A provider of {@link InjectedTransfers} whose credentials come from {@code credentialsSource}.
   */
  @Inject
  public InjectedTransfersClient(CredentialsSource credentialsSource) {
    this.credentialsSource = Objects.requireNonNull(credentialsSource, "credentialsSource == null");
  }

  /**
   * A ready {@link InjectedTransfers} that authenticates with {@code credentials}.
   */
  public static InjectedTransfers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link InjectedTransfers} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new {@link InjectedTransfers} with the {@code PAXOS} credentials and the settings of
   * the {@link CredentialsSource}.
   */
  @Override
  public InjectedTransfers get() {
    Builder builder = builder().credentials(credentialsSource.credentials(io.tokenwise.Provider.PAXOS));
    credentialsSource.configure(InjectedTransfers.class, builder);
    return builder.build();
  }

  /**
   * Builds a {@link InjectedTransfers}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<InjectedTransfers, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(InjectedTransfers.class, io.tokenwise.Provider.PAXOS, Env.SANDBOX, AuthStyle.CLIENT_SECRET_POST,
          null, null,
          "transfer:read_transfer");
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
