package io.tokenwise;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The superclass of the clients generated with {@code -Atokenwise.inject=jakarta}: an injector
 * constructs the client with a {@link CredentialsSource} and asks it for the service with {@link
 * #get()}, which fulfils the {@code jakarta.inject.Provider<T>} the generated class implements
 * (the runtime itself does not depend on jakarta.inject).
 *
 * @param <T> the annotated service interface
 */
public abstract class InjectableClient<T> extends GeneratedClient<T> {
  private final CredentialsSource credentialsSource;
  private final Supplier<Builder> builders;

  /**
   * For generated clients only.
   *
   * @param builders the generated client's {@code builder()}
   */
  protected InjectableClient(CredentialsSource credentialsSource, Supplier<Builder> builders) {
    this.credentialsSource =
        Objects.requireNonNull(credentialsSource, "credentialsSource == null");
    this.builders = Objects.requireNonNull(builders, "builders == null");
  }

  /**
   * A new service with the {@link CredentialsSource}'s credentials for the interface's provider,
   * after the source's {@link CredentialsSource#configure configure}.
   */
  public final T get() {
    Builder builder = builders.get();
    ClientCredentials credentials = credentialsSource.credentials(builder.provider());
    if (credentials == null) {
      throw new IllegalStateException(credentialsSource.getClass().getName() + " returned no"
          + " credentials for " + builder.provider() + " (asked for " + builder.api().getName()
          + "): return ClientCredentials.of(id, secret) for every provider it serves");
    }
    builder.credentials(credentials);
    credentialsSource.configure(builder.api(), builder);
    return builder.build();
  }
}
