package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.examples.MangopayUsers;
import io.tokenwise.examples.PaxosTransfers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Boot application with the starter and Actuator: the example Paxos and Mangopay clients are
 * injected into a service, make a real call each against the emulator, and show in meters.
 * Health, whose API Spring Boot 4 moved, is {@link HealthTest}'s.
 */
@SpringBootTest(classes = TestApplication.class)
class StarterTest {
  @DynamicPropertySource
  static void emulator(DynamicPropertyRegistry registry) {
    Emulator.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @Autowired
  PaymentsService payments;
  @Autowired
  ApplicationContext context;
  @Autowired
  MeterRegistry meters;

  @Test
  void clientsAreBeansThatCallTheProviderWithOneSharedTokenEach() throws Exception {
    int paxosTokens = Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS);
    int mangopayTokens = Emulator.EMULATOR.tokenRequestCount(Provider.MANGOPAY);
    assertThat(payments.latestTransfers(2)).isEqualTo(2);
    assertThat(payments.latestTransfers(3)).isEqualTo(3);
    assertThat(payments.userEmail("100001")).contains("@");

    // At most one each: this context's other tests may have fetched the token already.
    assertThat(Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS) - paxosTokens)
        .isLessThanOrEqualTo(1);
    assertThat(Emulator.EMULATOR.tokenRequestCount(Provider.MANGOPAY) - mangopayTokens)
        .isLessThanOrEqualTo(1);
    assertThat(context.getBeansOfType(PaxosTransfers.class)).containsOnlyKeys("paxosTransfers");
    assertThat(context.getBeansOfType(MangopayUsers.class)).containsOnlyKeys("mangopayUsers");
    assertThat(context.getBeansOfType(OkHttpClient.class))
        .containsOnlyKeys("tokenwiseOkHttpClient");
    assertThat(context.getBeansOfType(TokenCache.class)).containsOnlyKeys("tokenwiseTokenCache");
    assertThat(context.getBean(TokenCache.class).tokens()).extracting(t -> t.provider())
        .containsExactlyInAnyOrder(Provider.PAXOS, Provider.MANGOPAY);
  }

  @Test
  void tokenFetchesShowInMeters() throws Exception {
    payments.latestTransfers(1);
    payments.userEmail("100002");
    Timer paxos = meters.get("tokenwise.token.fetch").tags("provider", "PAXOS", "env", "SANDBOX",
        "outcome", "success", "error.type", "none").timer();
    assertThat(paxos.count()).isEqualTo(1);
    Timer mangopay = meters.get("tokenwise.token.fetch").tags("provider", "MANGOPAY",
        "outcome", "success").timer();
    assertThat(mangopay.count()).isEqualTo(1);
    double remaining = meters.get("tokenwise.token.remaining").tag("provider", "PAXOS").gauge()
        .value();
    assertThat(remaining).isBetween(3500.0, 3600.0); // the emulator's Paxos tokens live 1 h
    meters.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
        assertThat(tag.getValue()).doesNotContain(Emulator.secrets())));
  }
}
