package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.testing.ProviderEmulator;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "Testing your code with the emulator" example, as written: system clock. */
final class ReadmeExampleTest {
  private final ProviderEmulator emulator = ProviderEmulator.start();
  private final PaxosTransfers paxos = PaxosTransfersClient.builder()
      .credentials(emulator.credentials(Provider.PAXOS))
      .tokenUrl(emulator.tokenUrl(Provider.PAXOS))
      .baseUrl(emulator.baseUrl(Provider.PAXOS))
      .tokenCache(TokenCache.create()) // no tokens shared between tests
      .build();

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void recoversFromARevokedToken() throws IOException {
    paxos.transfers(10).execute();
    emulator.revokeTokens();
    assertTrue(paxos.transfers(10).execute().isSuccessful());
    assertEquals(2, emulator.tokenRequestCount(Provider.PAXOS));
  }
}
