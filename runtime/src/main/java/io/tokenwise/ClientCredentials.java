package io.tokenwise;

import io.tokenwise.internal.ProviderCatalog;
import io.tokenwise.internal.ProviderSpec;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A client id and its secret (Mangopay's API key, Papaya's client secret). The secret never
 * appears in {@link #toString()}; only a short fingerprint does, so two credentials can be told
 * apart in logs.
 */
public final class ClientCredentials {
  private final String clientId;
  private final String secret;

  private ClientCredentials(String clientId, String secret) {
    this.clientId = clientId;
    this.secret = secret;
  }

  /**
   * Credentials from explicit values. For Papaya Global, {@code clientId} is the API key.
   *
   * @throws IllegalArgumentException if either is empty or blank
   */
  public static ClientCredentials of(String clientId, String secret) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(secret, "secret == null");
    // Blank is a configuration mistake (an unset placeholder), never a real credential.
    if (clientId.isBlank()) {
      throw new IllegalArgumentException(
          "clientId is empty or blank: pass the client id the provider issued");
    }
    if (secret.isBlank()) {
      throw new IllegalArgumentException(
          "secret is empty or blank: pass the secret the provider issued");
    }
    return new ClientCredentials(clientId, secret);
  }

  /**
   * Credentials from the environment variables the provider's docs name: {@code
   * PAXOS_CLIENT_ID}/{@code PAXOS_CLIENT_SECRET}, {@code MANGOPAY_CLIENT_ID}/{@code
   * MANGOPAY_API_KEY}, {@code PAYSWAY_CLIENT_ID}/{@code PAYSWAY_CLIENT_SECRET}, {@code
   * PAPAYA_API_KEY}/{@code PAPAYA_CLIENT_SECRET}, and {@code TOKENWISE_CLIENT_ID}/{@code
   * TOKENWISE_CLIENT_SECRET} for {@link Provider#CUSTOM}.
   *
   * @throws IllegalStateException naming the variable that is missing or empty
   */
  public static ClientCredentials fromEnvironment(Provider provider) {
    return fromEnvironment(provider, System::getenv);
  }

  static ClientCredentials fromEnvironment(Provider provider, UnaryOperator<String> environment) {
    Objects.requireNonNull(provider, "provider == null");
    ProviderSpec spec = ProviderCatalog.spec(provider);
    return new ClientCredentials(
        variable(environment, spec.clientIdVariable(), provider),
        variable(environment, spec.secretVariable(), provider));
  }

  private static String variable(UnaryOperator<String> environment, String name, Provider provider) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is "
          + (value == null ? "not set" : "empty") + ": set it to your " + provider
          + " credentials, or pass them with ClientCredentials.of(clientId, secret)");
    }
    return value.strip();
  }

  /** The client id (Papaya's API key). */
  public String clientId() {
    return clientId;
  }

  /** The secret. Send it only to the token endpoint; never log it. */
  public String secret() {
    return secret;
  }

  /**
   * A short, stable, non-reversible fingerprint of the id and secret together, to tell
   * credentials apart when reading logs. For display only: four bytes collide by chance, so
   * Tokenwise never uses it to decide whether two clients may share a token.
   */
  public String fingerprint() {
    return Fingerprint.of(clientId + '\u0000' + secret);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientCredentials that
        && clientId.equals(that.clientId)
        && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, secret);
  }

  /** Shows the fingerprint, never the id or secret (Papaya's id is itself an API key). */
  @Override
  public String toString() {
    return "ClientCredentials{fingerprint=" + fingerprint() + "}";
  }
}
