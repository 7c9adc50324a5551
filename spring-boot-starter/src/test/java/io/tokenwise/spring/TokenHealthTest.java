package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health rules, whatever Actuator's API: failed and no token is DOWN, and never a secret. */
class TokenHealthTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final TokenHealth health = new TokenHealth(Clock.fixed(NOW, ZoneOffset.UTC));
  private final TokenCache cache = TokenCache.create();

  @Test
  void aRejectedKeyWithoutATokenIsDown() {
    health.onEvent(new TokenEvent.FetchFailed(Provider.PAXOS, Env.PRODUCTION, "sha256:0a0b0c0d",
        NOW, 1, Duration.ofMillis(80), 401, "TokenRejectedException", Optional.empty(), false));
    TokenHealth.State state = health.state(Provider.PAXOS, cache, true);
    assertThat(state.status()).isEqualTo("DOWN");
    assertThat(state.details()).isEqualTo(Map.of("tokens", List.of(Map.of(
        "key", "sha256:0a0b0c0d",
        "env", "PRODUCTION",
        "lastFetch", "TokenRejectedException (HTTP 401)",
        "lastFetchAt", "2026-01-01T00:00:00Z"))));
    assertThat(health.state(Provider.MANGOPAY, cache, true).status()).isEqualTo("UP");
    assertThat(health.state(Provider.MANGOPAY, cache, false).status()).isEqualTo("UNKNOWN");
  }
}
