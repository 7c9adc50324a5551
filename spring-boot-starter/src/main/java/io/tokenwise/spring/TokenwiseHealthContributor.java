package io.tokenwise.spring;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * Actuator's {@code tokenwise} health (Spring Boot 4's API): one indicator per provider whose
 * clients the application built ({@code tokenwise/paxos}, {@code tokenwise/mangopay}, ...). A
 * provider of a client in the index that nothing uses is left out; before any client is built,
 * every indexed provider shows as UNKNOWN.
 */
final class TokenwiseHealthContributor implements CompositeHealthContributor {
  private final TokenHealth health;
  private final TokenCache cache;
  private final TokenwiseClientFactory clients;

  TokenwiseHealthContributor(TokenHealth health, TokenCache cache,
      TokenwiseClientFactory clients) {
    this.health = health;
    this.cache = cache;
    this.clients = clients;
  }

  @Override
  public HealthContributor getContributor(String name) {
    for (Provider provider : providers()) {
      if (name(provider).equals(name)) {
        return new ProviderHealthIndicator(provider, health, cache, clients);
      }
    }
    return null;
  }

  @Override
  public Stream<Entry> stream() {
    return providers().stream().map(provider -> new Entry(name(provider),
        new ProviderHealthIndicator(provider, health, cache, clients)));
  }

  private Set<Provider> providers() {
    Set<Provider> built = clients.builtProviders();
    if (!built.isEmpty()) {
      return new TreeSet<>(built);
    }
    Set<Provider> indexed = new TreeSet<>();
    clients.index().forEach(entry -> indexed.add(entry.provider()));
    return indexed;
  }

  private static String name(Provider provider) {
    return provider.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
