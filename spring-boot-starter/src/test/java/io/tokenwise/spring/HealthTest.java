package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Actuator health per provider (Spring Boot 4's health API): the last token request's outcome
 * and the token's time to expiry, never the token.
 */
@SpringBootTest(classes = TestApplication.class)
class HealthTest {
  @DynamicPropertySource
  static void emulator(DynamicPropertyRegistry registry) {
    Emulator.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @Autowired
  PaymentsService payments;
  @Autowired
  ApplicationContext context;

  @Test
  void healthShowsEachProvidersLastFetchAndTimeToExpiry() throws Exception {
    payments.latestTransfers(1);
    CompositeHealthContributor tokenwise =
        context.getBean("tokenwiseHealthContributor", CompositeHealthContributor.class);
    Health paxos = ((HealthIndicator) tokenwise.getContributor("paxos")).health();
    assertThat(paxos.getStatus()).isEqualTo(Status.UP);
    @SuppressWarnings("unchecked")
    Map<String, Object> token = ((List<Map<String, Object>>) paxos.getDetails()
        .get("tokens")).get(0);
    assertThat(token).containsEntry("env", "SANDBOX").containsEntry("lastFetch", "success")
        .containsKeys("key", "lastFetchAt", "expiresIn");
    assertThat((String) token.get("expiresIn")).startsWith("PT59M");
    assertThat(paxos.toString()).doesNotContain(Emulator.secrets());
    // The examples' Paysway, Papaya and CUSTOM clients are in the index, but nothing uses them.
    assertThat(tokenwise.stream().map(entry -> entry.name())).containsExactly("paxos", "mangopay");
    assertThat(tokenwise.getContributor("paysway")).isNull();
  }

  @Test
  void actuatorsHealthEndpointShowsTheProviderUnderTokenwise() throws Exception {
    payments.userEmail("100003");
    HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
    assertThat(endpoint.healthForPath("tokenwise", "mangopay").getStatus()).isEqualTo(Status.UP);
    assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void healthCanBeTurnedOffLikeAnyIndicator() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TokenwiseAutoConfiguration.class))
        .withUserConfiguration(PaymentsService.class)
        .withPropertyValues(Emulator.pairs())
        .withPropertyValues("management.health.tokenwise.enabled=false")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean("tokenwiseHealthContributor"));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TokenwiseAutoConfiguration.class))
        .withUserConfiguration(PaymentsService.class)
        .withPropertyValues(Emulator.pairs())
        .run(context -> assertThat(context).hasBean("tokenwiseHealthContributor"));
  }
}
