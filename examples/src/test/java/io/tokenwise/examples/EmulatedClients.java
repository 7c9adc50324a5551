package io.tokenwise.examples;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.examples.emulator.ProviderEmulator;
import java.util.function.IntFunction;
import retrofit2.Call;

/**
 * The generated clients of the example interfaces, pointed at an emulator, each with its own
 * token cache on the test's clock; {@link #calls} gives any provider's n-th call.
 */
final class EmulatedClients {
  private final ProviderEmulator emulator;
  private final TestClock clock;

  EmulatedClients(ProviderEmulator emulator, TestClock clock) {
    this.emulator = emulator;
    this.clock = clock;
  }

  private TokenCache cache() {
    return TokenCache.builder().clock(clock).build();
  }

  PaxosTransfers paxos(ClientCredentials credentials) {
    return PaxosTransfersClient.builder()
        .credentials(credentials)
        .tokenUrl(emulator.tokenUrl(Provider.PAXOS))
        .baseUrl(emulator.baseUrl(Provider.PAXOS))
        .tokenCache(cache())
        .build();
  }

  MangopayUsers mangopay(ClientCredentials credentials) {
    return MangopayUsersClient.builder()
        .credentials(credentials)
        .tokenUrl(emulator.tokenUrl(Provider.MANGOPAY))
        .baseUrl(emulator.baseUrl(Provider.MANGOPAY))
        .tokenCache(cache())
        .build();
  }

  PayswayPayments paysway(ClientCredentials credentials) {
    return PayswayPaymentsClient.builder()
        .credentials(credentials)
        .tokenUrl(emulator.tokenUrl(Provider.PAYSWAY))
        .baseUrl(emulator.baseUrl(Provider.PAYSWAY))
        .tokenCache(cache())
        .build();
  }

  PapayaWorkers papaya(ClientCredentials credentials) {
    return PapayaWorkersClient.builder()
        .credentials(credentials)
        .tokenUrl(emulator.tokenUrl(Provider.PAPAYA_GLOBAL))
        .baseUrl(emulator.baseUrl(Provider.PAPAYA_GLOBAL))
        .tokenCache(cache())
        .build();
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
