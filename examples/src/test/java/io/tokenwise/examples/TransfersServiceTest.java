package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import io.tokenwise.testing.ProviderEmulatorExtension;
import io.tokenwise.testing.TokenResponse;
import io.tokenwise.testing.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// README "Test your code": from the annotation to the end, exactly as the README shows it.
@ExtendWith(ProviderEmulatorExtension.class)
class TransfersServiceTest {
  ProviderEmulator emulator; // a new one for each test, on free loopback ports

  @Test void outlivesAnExpiredTokenAndAnOutage(VirtualClock clock) throws IOException {
    PaxosTransfers paxos = emulator.client(PaxosTransfers.class);
    paxos.transfers(10).execute();
    clock.advance(Duration.ofHours(1)); // the token has expired, without sleeping
    emulator.enqueueTokenResponse(Provider.PAXOS, TokenResponse.error(503));
    assertTrue(paxos.transfers(10).execute().isSuccessful());
    assertEquals(3, emulator.tokenRequestCount(Provider.PAXOS));
    assertEquals("transfer:read_transfer funding:read_profile",
        emulator.takeTokenRequest().form().get("scope"));
  }
}
