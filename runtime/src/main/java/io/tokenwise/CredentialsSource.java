package io.tokenwise;

/**
 * Where injected clients get their credentials and any setting an annotation cannot hold. Bind
 * one implementation in your DI container; the default, {@link #environment()}, reads each
 * provider's documented environment variables.
 *
 * <pre>{@code
 * CredentialsSource source = new CredentialsSource() {
 *   public ClientCredentials credentials(Provider provider) {
 *     return vault.credentials(provider);
 *   }
 *
 *   public void configure(Class<?> api, ClientBuilder<?, ?> builder) {
 *     if (api == PapayaWorkers.class) {
 *       builder.baseUrl(papayaBaseUrl).tokenUrl(papayaTokenUrl); // Papaya publishes no production URLs
 *     }
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface CredentialsSource {
  /** The credentials to use for {@code provider}. */
  ClientCredentials credentials(Provider provider);

  /**
   * Adjusts the builder of an injected client of {@code api} before it builds: a base URL the
   * provider does not publish, an mTLS {@code OkHttpClient}, a shared {@link TokenCache}, a test
   * server. Does nothing by default.
   */
  default void configure(Class<?> api, ClientBuilder<?, ?> builder) {}

  /** Reads {@link ClientCredentials#fromEnvironment(Provider)} and configures nothing. */
  static CredentialsSource environment() {
    return ClientCredentials::fromEnvironment;
  }
}
