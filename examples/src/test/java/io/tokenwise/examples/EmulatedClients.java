package io.tokenwise.examples;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import retrofit2.Call;

/**
 * The generated clients of the example interfaces, pointed at an emulator (each with its own
 * token cache on the emulator's clock); {@link #calls} gives any provider's n-th call.
 */
final class EmulatedClients {
  private final ProviderEmulator emulator;
  private final BiConsumer<Provider, ClientBuilder<?, ?>> settings;

  EmulatedClients(ProviderEmulator emulator) {
    this(emulator, (provider, builder) -> {});
  }

  /** Clients that also get {@code settings} (a proxy's token URL, a shared cache, ...). */
  EmulatedClients(ProviderEmulator emulator, BiConsumer<Provider, ClientBuilder<?, ?>> settings) {
    this.emulator = emulator;
    this.settings = settings;
  }

  private <T> T client(Class<T> api, Provider provider, ClientCredentials credentials) {
    ClientBuilder<T, ?> builder = emulator.builder(api);
    builder.credentials(credentials);
    settings.accept(provider, builder);
    return builder.build();
  }

  PaxosTransfers paxos(ClientCredentials credentials) {
    return client(PaxosTransfers.class, Provider.PAXOS, credentials);
  }

  MangopayUsers mangopay(ClientCredentials credentials) {
    return client(MangopayUsers.class, Provider.MANGOPAY, credentials);
  }

  PayswayPayments paysway(ClientCredentials credentials) {
    return client(PayswayPayments.class, Provider.PAYSWAY, credentials);
  }

  PapayaWorkers papaya(ClientCredentials credentials) {
    return client(PapayaWorkers.class, Provider.PAPAYA_GLOBAL, credentials);
  }

  /** A new client of {@code provider} with the emulator's credentials. */
  IntFunction<Call<?>> calls(Provider provider) {
    return calls(provider, emulator.credentials(provider));
  }

  /** A new client of {@code provider}; its n-th call varies the endpoint. */
  IntFunction<Call<?>> calls(Provider provider, ClientCredentials credentials) {
    switch (provider) {
      case PAXOS -> {
        PaxosTransfers paxos = paxos(credentials);
        return i -> i % 2 == 0 ? paxos.transfers(2) : paxos.profile("profile-" + i);
      }
      case MANGOPAY -> {
        MangopayUsers mangopay = mangopay(credentials);
        return i -> mangopay.user(Integer.toString(100_000 + i));
      }
      case PAYSWAY -> {
        PayswayPayments paysway = paysway(credentials);
        return i -> i % 2 == 0 ? paysway.payments(2) : paysway.payment("pay_" + i);
      }
      case PAPAYA_GLOBAL -> {
        PapayaWorkers papaya = papaya(credentials);
        return i -> papaya.worker("w-" + i);
      }
      default -> throw new IllegalArgumentException(provider.toString());
    }
  }
}
