package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.examples.PaxosTransfers;
import io.tokenwise.micrometer.TokenwiseMetrics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Configuration as a user gets it wrong or right: each mistake fails start-up naming the
 * property; environment variables bind; the application's own beans win; IDE metadata exists.
 */
class ConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(TokenwiseAutoConfiguration.class))
      .withUserConfiguration(PaymentsService.class);

  private static String failure(AssertableApplicationContext context) {
    Throwable failure = context.getStartupFailure();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  @Test
  void aMissingSecretFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.client-secret=")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(failure(context)).contains("Tokenwise client paxos-transfers"
              + " (io.tokenwise.examples.PaxosTransfers) has no credentials: set"
              + " tokenwise.clients.paxos-transfers.client-secret (or"
              + " tokenwise.providers.paxos.client-secret for every PAXOS client), for example"
              + " from an environment variable: TOKENWISE_CLIENTS_PAXOSTRANSFERS_CLIENTSECRET");
        });
  }

  @Test
  void aPlaceholderNoEnvironmentVariableResolvedFailsStartUpLikeAMissingSecret() {
    // Spring's binder keeps an unresolvable ${...} as text: it must not go out as the secret.
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.client-secret="
            + "${TOKENWISE_TEST_UNSET_SECRET}")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(failure(context)).contains("Tokenwise client paxos-transfers"
              + " (io.tokenwise.examples.PaxosTransfers) has no credentials: set"
              + " tokenwise.clients.paxos-transfers.client-secret");
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMetrics {
    static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @Bean
    MeterRegistry meterRegistry() {
      return REGISTRY;
    }

    @Bean
    TokenwiseMetrics myTokenwiseMetrics(MeterRegistry registry) {
      return TokenwiseMetrics.create(registry);
    }
  }

  @Test
  void theApplicationsOwnTokenwiseMetricsCountEachTokenRequestOnce() {
    runner.withPropertyValues(Emulator.pairs())
        .withUserConfiguration(OwnMetrics.class)
        .run(context -> {
          int before = Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS);
          context.getBean(PaymentsService.class).latestTransfers(1);
          assertThat(Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS)).isEqualTo(before + 1);
          assertThat(OwnMetrics.REGISTRY.get("tokenwise.token.fetch")
              .tags("provider", "PAXOS").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void aMistypedClientNameFailsStartUpWithAGuess() {
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfer.env=PRODUCTION")
        .run(context -> assertThat(failure(context)).contains("tokenwise.clients.paxos-transfer"
            + " names no generated Tokenwise client (did you mean"
            + " tokenwise.clients.paxos-transfers?)"));
  }

  @Test
  void anUnknownEnvironmentFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.env=STAGING")
        .run(context -> assertThat(failure(context))
            .contains("tokenwise.clients.paxos-transfers.env")
            .contains("STAGING"));
  }

  @Test
  void aPlainHttpUrlFailsStartUpNamingTheClientsProperties() {
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.base-url=http://api.example.com/v2/")
        .run(context -> assertThat(failure(context)).contains("Tokenwise client paxos-transfers"
            + " (io.tokenwise.examples.PaxosTransfers): baseUrl must use https (plain http is"
            + " allowed only for localhost, 127.0.0.0/8 and ::1): http://api.example.com/v2/"
            + " (set it with tokenwise.clients.paxos-transfers.* or tokenwise.providers.paxos.*)"));
  }

  @Test
  void secretsInMessagesNever() {
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.client-id=")
        .run(context -> assertThat(failure(context)).doesNotContain(Emulator.secrets()));
  }

  @Test
  void environmentVariablesBindThroughRelaxedBinding() {
    Map<String, Object> environment = Map.of(
        "TOKENWISE_CLIENTS_PAXOSTRANSFERS_CLIENTSECRET",
        Emulator.EMULATOR.credentials(Provider.PAXOS).secret(),
        "TOKENWISE_PROVIDERS_MANGOPAY_ENV", "SANDBOX");
    runner.withPropertyValues(Emulator.pairs())
        .withPropertyValues("tokenwise.clients.paxos-transfers.client-secret=")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("systemEnvironment", environment)))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(PaymentsService.class).latestTransfers(1)).isEqualTo(1);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnHttpAndCache {
    static final OkHttpClient HTTP = new OkHttpClient();
    static final TokenCache CACHE = TokenCache.create();

    @Bean
    OkHttpClient myOkHttp() {
      return HTTP;
    }

    @Bean
    TokenCache myTokenCache() {
      return CACHE;
    }
  }

  @Test
  void theApplicationsOwnOkHttpClientAndTokenCacheReplaceTheStartersOnes() {
    runner.withPropertyValues(Emulator.pairs())
        .withUserConfiguration(OwnHttpAndCache.class)
        .run(context -> {
          assertThat(context).hasSingleBean(OkHttpClient.class).hasSingleBean(TokenCache.class);
          context.getBean(PaymentsService.class).latestTransfers(1);
          assertThat(OwnHttpAndCache.CACHE.tokens()).extracting(t -> t.provider())
              .contains(Provider.PAXOS);
        });
  }

  @Test
  void anUnusedClientNeedsNoCredentials() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TokenwiseAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBeanNamesForType(PaxosTransfers.class))
              .containsExactly("paxosTransfers");
        });
  }

  @Test
  void idesCompleteTheKeysFromGeneratedMetadata() throws Exception {
    String metadata;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(metadata).contains("\"name\": \"tokenwise.clients\"",
        "\"name\": \"tokenwise.providers\"", "\"name\": \"tokenwise.cache.min-request-interval\"",
        "Settings of each generated client, by its configuration name");
  }
}
