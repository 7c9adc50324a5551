package io.tokenwise;

/**
 * Where injected clients get their credentials. Bind an implementation in your DI container; the
 * default, {@link #environment()}, reads each provider's documented environment variables.
 */
@FunctionalInterface
public interface CredentialsSource {
  /** The credentials to use for {@code provider}. */
  ClientCredentials credentials(Provider provider);

  /** Reads {@link ClientCredentials#fromEnvironment(Provider)}. */
  static CredentialsSource environment() {
    return ClientCredentials::fromEnvironment;
  }
}
