package io.tokenwise.spring;

import io.tokenwise.Provider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Actuator's view of one provider's {@link TokenHealth} (Spring Boot 4's health API). */
final class ProviderHealthIndicator implements HealthIndicator {
  private final Provider provider;
  private final ProviderHealth health;

  ProviderHealthIndicator(Provider provider, ProviderHealth health) {
    this.provider = provider;
    this.health = health;
  }

  @Override
  public Health health() {
    TokenHealth.State state = health.state(provider);
    return Health.status(new Status(state.status())).withDetails(state.details()).build();
  }
}
