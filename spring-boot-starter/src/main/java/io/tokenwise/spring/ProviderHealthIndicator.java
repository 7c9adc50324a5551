package io.tokenwise.spring;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Actuator's view of one provider's {@link TokenHealth} (Spring Boot 4's health API). */
final class ProviderHealthIndicator implements HealthIndicator {
  private final Provider provider;
  private final TokenHealth health;
  private final TokenCache cache;
  private final TokenwiseClientFactory clients;

  ProviderHealthIndicator(Provider provider, TokenHealth health, TokenCache cache,
      TokenwiseClientFactory clients) {
    this.provider = provider;
    this.health = health;
    this.cache = cache;
    this.clients = clients;
  }

  @Override
  public Health health() {
    TokenHealth.State state =
        health.state(provider, cache, clients.builtProviders().contains(provider));
    return Health.status(new Status(state.status())).withDetails(state.details()).build();
  }
}
