package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HealthTest's assertions through Spring Boot 3.5's health API: the starter's jar, compiled
 * against Boot 4, shows the same {@code tokenwise/<provider>} health on Boot 3.
 */
@SpringBootTest(classes = TestApplication.class)
class Boot3HealthTest {
  @DynamicPropertySource
  static void emulator(DynamicPropertyRegistry registry) {
    Emulator.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @Autowired
  PaymentsService payments;
  @Autowired
  HealthEndpoint endpoint;

  @Test
  void healthShowsEachProvidersLastFetchAndTimeToExpiry() throws Exception {
    payments.latestTransfers(1);
    payments.userEmail("100004");
    Health paxos = (Health) endpoint.healthForPath("tokenwise", "paxos");
    assertThat(paxos.getStatus()).isEqualTo(Status.UP);
    @SuppressWarnings("unchecked")
    Map<String, Object> token =
        ((List<Map<String, Object>>) paxos.getDetails().get("tokens")).get(0);
    assertThat(token).containsEntry("env", "SANDBOX").containsEntry("lastFetch", "success")
        .containsKeys("key", "lastFetchAt", "expiresIn");
    assertThat(endpoint.healthForPath("tokenwise", "mangopay").getStatus()).isEqualTo(Status.UP);
    assertThat(endpoint.healthForPath("tokenwise", "paysway")).isNull();
    assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
    assertThat(paxos.toString()).doesNotContain(Emulator.secrets());
  }

  @Test
  void healthCanBeTurnedOffLikeAnyIndicator() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TokenwiseAutoConfiguration.class))
        .withPropertyValues(Emulator.pairs());
    runner.withPropertyValues("management.health.tokenwise.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("tokenwiseHealthContributor"));
    runner.run(context -> assertThat(context).hasSingleBean(CompositeHealthContributor.class));
  }
}
