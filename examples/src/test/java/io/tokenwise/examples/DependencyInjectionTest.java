package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.tokenwise.ClientCredentials;
import io.tokenwise.CredentialsSource;
import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The processor's jakarta.inject output: each generated client is a {@code
 * jakarta.inject.Provider} of its interface with an {@code @Inject} constructor taking a {@link
 * CredentialsSource}, so Guice needs one line per client. No call leaves the JVM: {@code
 * request()} only builds the request, except where the emulator answers on loopback.
 */
final class DependencyInjectionTest {
  /** Records which providers' credentials were asked for. */
  private final List<Provider> asked = new CopyOnWriteArrayList<>();
  private final CredentialsSource credentials = provider -> {
    asked.add(provider);
    return ClientCredentials.of(provider.name().toLowerCase() + "-id", "secret");
  };

  private final Injector injector = Guice.createInjector(new AbstractModule() {
    @Override
    protected void configure() {
      bind(CredentialsSource.class).toInstance(credentials); // in production: CredentialsSource.environment()
      bind(PaxosTransfers.class).toProvider(PaxosTransfersClient.class);
      bind(MangopayUsers.class).toProvider(MangopayUsersClient.class);
      bind(PayswayPayments.class).toProvider(PayswayPaymentsClient.class);
      bind(PapayaWorkers.class).toProvider(PapayaWorkersClient.class);
    }
  });

  @Test
  void guiceInjectsEachClientWithCredentialsFromTheBoundSource() {
    PaxosTransfers paxos = injector.getInstance(PaxosTransfers.class);
    MangopayUsers mangopay = injector.getInstance(MangopayUsers.class);
    PayswayPayments paysway = injector.getInstance(PayswayPayments.class);

    assertEquals("https://api.sandbox.paxos.com/v2/profiles/p-1",
        paxos.profile("p-1").request().url().toString());
    assertEquals("https://api.sandbox.mangopay.com/v2.01/mangopay-id/users/42",
        mangopay.user("42").request().url().toString());
    assertEquals("https://api.paysway.dev/payments/pay_1",
        paysway.payment("pay_1").request().url().toString());
    assertEquals(List.of(Provider.PAXOS, Provider.MANGOPAY, Provider.PAYSWAY), asked);
  }

  @Test
  void injectingPapayaFailsClearlyBecauseItsApiHostIsNotPublished() {
    ProvisionException e = assertThrows(ProvisionException.class,
        () -> injector.getInstance(PapayaWorkers.class));

    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(cause.getMessage().contains("baseUrl"), cause.getMessage());
  }

  @Test
  void aSourceWithoutCredentialsForTheProviderFailsNamingItAndTheInterface() {
    CredentialsSource none = provider -> null;
    PaxosTransfersClient client = new PaxosTransfersClient(none);

    IllegalStateException e = assertThrows(IllegalStateException.class, client::get);
    assertTrue(e.getMessage().endsWith(" returned no credentials for PAXOS (asked for"
        + " io.tokenwise.examples.PaxosTransfers): return ClientCredentials.of(id, secret) for"
        + " every provider it serves"), e.getMessage());
  }

  @Test
  void injectedClientsTakeTheirOtherSettingsFromTheSourceAndCallTheEmulator() throws Exception {
    try (ProviderEmulator emulator = ProviderEmulator.start()) {
      CredentialsSource toEmulator = emulator.credentialsSource();
      Injector wired = Guice.createInjector(new AbstractModule() {
        @Override
        protected void configure() {
          bind(CredentialsSource.class).toInstance(toEmulator);
          bind(PapayaWorkers.class).toProvider(PapayaWorkersClient.class);
          bind(MangopayUsers.class).toProvider(MangopayUsersClient.class);
        }
      });

      PapayaWorkers papaya = wired.getInstance(PapayaWorkers.class);
      MangopayUsers mangopay = wired.getInstance(MangopayUsers.class);
      assertEquals(200, papaya.worker("w-1").execute().code());
      assertEquals(200, mangopay.user("42").execute().code());
      assertEquals(1, emulator.tokenRequestCount(Provider.PAPAYA_GLOBAL));
      assertEquals(1, emulator.tokenRequestCount(Provider.MANGOPAY));
    }
  }

  @Test
  void plainJavaWiresTheSameProviderByHand() {
    PaxosTransfers injected = injector.getInstance(PaxosTransfers.class);
    PaxosTransfers byHand = new PaxosTransfersClient(credentials).get();

    assertEquals(injected.transfers(5).request().url(), byHand.transfers(5).request().url());
    assertEquals(List.of(Provider.PAXOS, Provider.PAXOS), asked);
  }
}
