package io.tokenwise.spring;

import io.tokenwise.Provider;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * Actuator's {@code tokenwise} health on Spring Boot 4: one indicator per provider of {@link
 * ProviderHealth} ({@code tokenwise/paxos}, {@code tokenwise/mangopay}, ...).
 */
final class TokenwiseHealthContributor implements CompositeHealthContributor {
  private final ProviderHealth health;

  TokenwiseHealthContributor(ProviderHealth health) {
    this.health = health;
  }

  @Override
  public HealthContributor getContributor(String name) {
    Provider provider = health.named(name);
    return provider == null ? null : new ProviderHealthIndicator(provider, health);
  }

  @Override
  public Stream<Entry> stream() {
    return health.providers().stream().map(provider -> new Entry(ProviderHealth.name(provider),
        new ProviderHealthIndicator(provider, health)));
  }
}
