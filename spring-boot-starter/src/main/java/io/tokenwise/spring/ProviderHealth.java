package io.tokenwise.spring;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which providers the {@code tokenwise} health lists and each one's {@link TokenHealth.State},
 * whichever Spring Boot health API shows them: the providers whose clients the application built
 * or, before any is built, every provider in the client index (UNKNOWN).
 */
final class ProviderHealth {
  private final TokenHealth health;
  private final TokenCache cache;
  private final TokenwiseClientFactory clients;

  ProviderHealth(TokenHealth health, TokenCache cache, TokenwiseClientFactory clients) {
    this.health = health;
    this.cache = cache;
    this.clients = clients;
  }

  Set<Provider> providers() {
    Set<Provider> built = clients.builtProviders();
    if (!built.isEmpty()) {
      return new TreeSet<>(built);
    }
    Set<Provider> indexed = new TreeSet<>();
    clients.index().forEach(entry -> indexed.add(entry.provider()));
    return indexed;
  }

  /** The provider whose health is named {@code name}, or null. */
  Provider named(String name) {
    for (Provider provider : providers()) {
      if (name(provider).equals(name)) {
        return provider;
      }
    }
    return null;
  }

  TokenHealth.State state(Provider provider) {
    return health.state(provider, cache, clients.builtProviders().contains(provider));
  }

  /** {@code paxos}, {@code papaya-global}: the path under {@code /actuator/health/tokenwise/}. */
  static String name(Provider provider) {
    return provider.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
