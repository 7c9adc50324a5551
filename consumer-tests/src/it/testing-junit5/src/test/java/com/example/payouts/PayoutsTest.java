package com.example.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import io.tokenwise.testing.ProviderEmulatorExtension;
import io.tokenwise.testing.TokenRequest;
import io.tokenwise.testing.TokenResponse;
import io.tokenwise.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProviderEmulatorExtension.class)
class PayoutsTest {
  ProviderEmulator emulator;

  @Test
  void countsTransfersWithOneTokenUntilItExpires(VirtualClock clock) {
    Payouts payouts = new Payouts(emulator.configure(PaxosTransfersClient.builder()).build());

    assertEquals(3, payouts.recentTransfers(3));
    assertEquals(5, payouts.recentTransfers(5));
    clock.advance(Duration.ofHours(1));
    assertEquals(2, payouts.recentTransfers(2));

    assertEquals(2, emulator.tokenRequestCount(Provider.PAXOS));
    TokenRequest first = emulator.takeTokenRequest(Provider.PAXOS);
    assertEquals("transfer:read_transfer", first.form().get("scope"));
    assertEquals(emulator.credentials(Provider.PAXOS).clientId(), first.form().get("client_id"));
  }

  @Test
  void reportsARejectedClientAsUnavailable() {
    emulator.enqueueTokenResponse(Provider.PAXOS, TokenResponse.error(401));
    Payouts payouts = new Payouts(emulator.client(PaxosTransfers.class));

    assertEquals(-1, payouts.recentTransfers(3));
    assertEquals(1, emulator.tokenRequestCount(Provider.PAXOS));
    assertEquals(0, emulator.apiCallCount(Provider.PAXOS));
  }

  @Test
  void worksWithoutTheExtensionToo() throws Exception {
    VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (ProviderEmulator own = ProviderEmulator.start(clock)) {
      Payouts payouts = new Payouts(own.client(PaxosTransfers.class));
      own.revokeTokens();
      assertEquals(1, payouts.recentTransfers(1));
      own.revokeCurrentToken(Provider.PAXOS);
      assertEquals(1, payouts.recentTransfers(1));
      assertEquals(2, own.tokenRequestCount(Provider.PAXOS));
      assertEquals(1, own.rejectedApiCallCount(Provider.PAXOS));
    }
  }
}
