package io.tokenwise.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEventListener;
import io.tokenwise.micrometer.TokenwiseMetrics;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Tokenwise for Spring Boot: every generated client on the class path (from the processor's
 * client index, no class scanning) becomes a bean of its interface, configured from {@code
 * tokenwise.*}; one {@link OkHttpClient} and one {@link TokenCache} are shared by all of them
 * and may be replaced by the application's own beans; meters when a {@link MeterRegistry} is
 * there ({@link TokenwiseMetrics}); a health indicator per provider when Actuator's health is
 * there; every {@link TokenEventListener} bean is told of token events.
 *
 * <p>An application's own {@code TokenCache} bean gets no events: to keep meters and health,
 * build it with {@code TokenwiseMetrics.create(meterRegistry)} and the {@code
 * tokenwiseTokenHealth} bean as event listeners.
 */
@AutoConfiguration(afterName = {
    // Spring Boot 4, then 3: the meter and observation registries exist before ours.
    "org.springframework.boot.micrometer.metrics.autoconfigure."
        + "CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics."
        + "CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@EnableConfigurationProperties(TokenwiseProperties.class)
@Import(ClientRegistrar.class)
@ImportRuntimeHints(TokenwiseRuntimeHints.class) // native images: see docs/SPRING-BOOT.md
public class TokenwiseAutoConfiguration {
  /** One connection pool and dispatcher for every client (and their token requests). */
  @Bean
  @ConditionalOnMissingBean
  public OkHttpClient tokenwiseOkHttpClient() {
    return new OkHttpClient();
  }

  /** The token cache all clients share, told of events by every {@link TokenEventListener}. */
  @Bean
  @ConditionalOnMissingBean
  public TokenCache tokenwiseTokenCache(TokenwiseProperties properties,
      ObjectProvider<TokenEventListener> listeners, ObjectProvider<MeterRegistry> meters,
      ObjectProvider<ObservationRegistry> observations) {
    TokenwiseProperties.Cache cache = properties.getCache();
    TokenCache.Builder builder = TokenCache.builder()
        .minRequestInterval(cache.getMinRequestInterval())
        .tokenRequestTimeout(cache.getTokenRequestTimeout())
        .waitTimeout(cache.getWaitTimeout())
        .rejectionMemory(cache.getRejectionMemory())
        .forcedRefreshInterval(cache.getForcedRefreshInterval())
        .maxBackoff(cache.getMaxBackoff());
    boolean ownMetrics = false;
    for (TokenEventListener listener : listeners.orderedStream().toList()) {
      builder.eventListener(listener);
      ownMetrics |= listener instanceof TokenwiseMetrics;
    }
    // Asked for here, not by a condition: whichever auto-configuration makes the registry, and
    // in whatever order, it exists by the time beans are created.
    MeterRegistry registry = meters.getIfUnique();
    if (registry != null && !ownMetrics) { // the application's own TokenwiseMetrics bean counts
      ObservationRegistry observation = observations.getIfUnique();
      builder.eventListener(observation == null || observation.isNoop()
          ? TokenwiseMetrics.create(registry)
          : TokenwiseMetrics.create(registry, observation));
    }
    return builder.build();
  }

  /** Builds the client beans; checks {@code tokenwise.clients.*} names at start-up. */
  @Bean
  public TokenwiseClientFactory tokenwiseClientFactory(TokenwiseProperties properties,
      OkHttpClient tokenwiseOkHttpClient, TokenCache tokenwiseTokenCache,
      IndexedClients tokenwiseIndexedClients) {
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    return new TokenwiseClientFactory(tokenwiseIndexedClients.entries(), properties,
        tokenwiseOkHttpClient, tokenwiseTokenCache, classLoader);
  }

  /**
   * What the {@code tokenwise} health shows: each key's last token request. A listener like any
   * other, so it is there whichever health API (Boot 4 here, Boot 3 in {@link ClientRegistrar}).
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenHealth tokenwiseTokenHealth() {
    return new TokenHealth();
  }

  /** Actuator health under {@code tokenwise} on Spring Boot 4: one indicator per provider. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator(
      "tokenwise") // management.health.tokenwise.enabled=false turns it off
  static class Health {
    @Bean
    org.springframework.boot.health.contributor.CompositeHealthContributor
        tokenwiseHealthContributor(TokenHealth health, TokenCache cache,
        TokenwiseClientFactory clients) {
      return new TokenwiseHealthContributor(new ProviderHealth(health, cache, clients));
    }
  }
}
