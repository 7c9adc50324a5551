package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.TokenRejectedException;
import io.tokenwise.testing.ProviderEmulator;
import io.tokenwise.testing.TokenRequest;
import io.tokenwise.testing.VirtualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The generated clients of the example interfaces (compiled by the real processor through
 * {@code annotationProcessorPaths}) against the emulator, in virtual time.
 */
final class EndToEndTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2024-07-11T07:46:30Z"));
  private final ProviderEmulator emulator = ProviderEmulator.start(clock);
  private final EmulatedClients clients = new EmulatedClients(emulator);

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void paxosSendsFormCredentialsAndScopesOnceForThreeCalls() throws IOException {
    PaxosTransfers paxos = clients.paxos(emulator.credentials(Provider.PAXOS));

    PaxosTransfers.TransferPage page = ok(paxos.transfers(2));
    PaxosTransfers.Profile profile = ok(paxos.profile("p-7"));
    PaxosTransfers.BalancePage balances = ok(paxos.balances("p-7"));

    assertEquals(2, page.items().size());
    assertNotNull(page.items().get(0).profileId());
    assertEquals("p-7", profile.id());
    assertEquals("USD", balances.items().get(0).asset());
    assertEquals(1, emulator.tokenRequestCount(Provider.PAXOS));
    assertEquals(3, emulator.apiCallCount(Provider.PAXOS));
    TokenRequest token = emulator.lastTokenRequest(Provider.PAXOS).orElseThrow();
    assertEquals("application/x-www-form-urlencoded", token.header("Content-Type"));
    assertEquals(null, token.header("Authorization"));
    assertEquals("grant_type=client_credentials&client_id=paxos-emulator-client"
        + "&client_secret=paxos-emulator-secret"
        + "&scope=transfer%3Aread_transfer+funding%3Aread_profile", token.body());
  }

  @Test
  void mangopaySendsBasicClientIdApiKeyAndPutsTheClientIdInThePath() throws IOException {
    MangopayUsers mangopay = clients.mangopay(emulator.credentials(Provider.MANGOPAY));

    MangopayUsers.User user = ok(mangopay.user("42"));
    ok(mangopay.user("43"));
    ok(mangopay.user("44"));

    assertEquals("42", user.id());
    assertEquals("Lovelace", user.lastName());
    assertEquals(1, emulator.tokenRequestCount(Provider.MANGOPAY));
    assertEquals(3, emulator.apiCallCount(Provider.MANGOPAY));
    TokenRequest token = emulator.lastTokenRequest(Provider.MANGOPAY).orElseThrow();
    assertEquals("/v2.01/oauth/token", token.target());
    assertEquals("Basic " + Base64.getEncoder().encodeToString(
            "mangopay-emulator-client:mangopay-emulator-api-key".getBytes(StandardCharsets.UTF_8)),
        token.header("Authorization"));
    assertEquals("grant_type=client_credentials", token.body());
  }

  @Test
  void payswaySendsFormCredentialsOnceForThreeCalls() throws IOException {
    PayswayPayments paysway = clients.paysway(emulator.credentials(Provider.PAYSWAY));

    PayswayPayments.Payment payment = ok(paysway.payment("pay_9"));
    PayswayPayments.PaymentList list = ok(paysway.payments(3));
    ok(paysway.payment("pay_10"));

    assertEquals("pay_9", payment.id());
    assertEquals(3, list.data().size());
    assertEquals(1, emulator.tokenRequestCount(Provider.PAYSWAY));
    assertEquals(3, emulator.apiCallCount(Provider.PAYSWAY));
    assertEquals("grant_type=client_credentials&client_id=paysway-emulator-client"
            + "&client_secret=paysway-emulator-secret",
        emulator.lastTokenRequest(Provider.PAYSWAY).orElseThrow().body());
  }

  @Test
  void papayaSendsAJsonApiKeyBodyOnceForThreeCalls() throws IOException {
    PapayaWorkers papaya = clients.papaya(emulator.credentials(Provider.PAPAYA_GLOBAL));

    PapayaWorkers.Worker worker = ok(papaya.worker("w-1"));
    ok(papaya.worker("w-2"));
    ok(papaya.worker("w-3"));

    assertEquals("Grace Hopper", worker.fullName());
    assertEquals(1, emulator.tokenRequestCount(Provider.PAPAYA_GLOBAL));
    assertEquals(3, emulator.apiCallCount(Provider.PAPAYA_GLOBAL));
    TokenRequest token =
        emulator.lastTokenRequest(Provider.PAPAYA_GLOBAL).orElseThrow();
    assertTrue(token.header("Content-Type").startsWith("application/json"), token.header("Content-Type"));
    assertEquals("{\"api_key\":\"papaya-emulator-api-key\","
        + "\"client_secret\":\"papaya-emulator-client-secret\"}", token.body());
  }

  @ParameterizedTest
  @EnumSource(value = Provider.class, names = {"PAXOS", "MANGOPAY", "PAYSWAY", "PAPAYA_GLOBAL"})
  void shortLivedTokensAreRefreshedAheadWithNoFailedCall(Provider provider) throws Exception {
    emulator.tokenLifetime(provider, Duration.ofSeconds(60));
    IntFunction<Call<?>> calls = clients.calls(provider);

    ok(calls.apply(0));
    clock.advance(Duration.ofSeconds(30));
    ok(calls.apply(1));
    assertEquals(1, emulator.tokenRequestCount(provider));
    // Past the refresh point (at most 49 s into a 60 s token), before the token stops being sent.
    clock.advance(Duration.ofSeconds(20));
    ok(calls.apply(2));
    awaitTokensIssued(provider, 2);
    // The first token has expired at the provider: the refreshed one must be in use.
    clock.advance(Duration.ofSeconds(11));
    ok(calls.apply(3));

    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(4, emulator.apiCallCount(provider));
    assertEquals(0, emulator.rejectedApiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(value = Provider.class, names = {"PAXOS", "MANGOPAY", "PAYSWAY", "PAPAYA_GLOBAL"})
  void revokedTokenIsRecoveredWithExactlyOneRetry(Provider provider) throws IOException {
    IntFunction<Call<?>> calls = clients.calls(provider);
    ok(calls.apply(0));
    clock.advance(Duration.ofSeconds(2));

    emulator.revokeTokens();
    ok(calls.apply(1));

    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(3, emulator.apiCallCount(provider)); // the refused call and its one retry
    assertEquals(1, emulator.rejectedApiCallCount(provider));
  }

  @ParameterizedTest
  @CsvSource({
      "PAXOS, invalid_client, Client authentication failed",
      "MANGOPAY, invalid_client, 'Authentication failed: send Authorization: Basic base64(ClientId:ApiKey)'",
      "PAYSWAY, AUTH_INVALID_CLIENT_CREDENTIALS, Invalid client credentials",
      "PAPAYA_GLOBAL, , Invalid api_key or client_secret"})
  void badCredentialsGiveTokenRejectedExceptionAndAreNotRetried(Provider provider, String code,
      String message) {
    ClientCredentials wrong = ClientCredentials.of(
        emulator.credentials(provider).clientId(), "wrong-secret-123");
    IntFunction<Call<?>> calls = clients.calls(provider, wrong);

    TokenRejectedException first = assertThrows(TokenRejectedException.class,
        () -> calls.apply(0).execute());
    TokenRejectedException second = assertThrows(TokenRejectedException.class,
        () -> calls.apply(1).execute());

    assertEquals(provider, first.provider());
    assertEquals(401, first.status());
    assertEquals(Optional.ofNullable(code), first.errorCode());
    assertEquals(Optional.of(message), first.errorMessage());
    assertFalse(first.getMessage().contains("wrong-secret-123"), first.getMessage());
    assertEquals(401, second.status());
    assertEquals(1, emulator.tokenRequestCount(provider)); // a wrong secret does not heal
    assertEquals(0, emulator.apiCallCount(provider));
  }

  @Test
  void papayaOpaqueTokenIsTrustedOnlyUntilItsMinutePrecisionValidUntil() throws IOException {
    // Sent at 07:46:30 for 120 s: the token lives until 07:48:30, but valid_until says 07:48Z.
    emulator.papayaTokens(ProviderEmulator.PapayaToken.OPAQUE)
        .tokenLifetime(Provider.PAPAYA_GLOBAL, Duration.ofSeconds(120));
    PapayaWorkers papaya = clients.papaya(emulator.credentials(Provider.PAPAYA_GLOBAL));

    ok(papaya.worker("w-1"));
    clock.set(Instant.parse("2024-07-11T07:47:30Z"));
    ok(papaya.worker("w-2"));
    int beforeValidUntil = emulator.tokenRequestCount(Provider.PAPAYA_GLOBAL);
    // Within the hard margin of 07:48:00: the opaque token is not sent again.
    clock.set(Instant.parse("2024-07-11T07:47:56Z"));
    ok(papaya.worker("w-3"));

    assertEquals(1, beforeValidUntil);
    assertEquals(2, emulator.tokenRequestCount(Provider.PAPAYA_GLOBAL));
    assertEquals(0, emulator.rejectedApiCallCount(Provider.PAPAYA_GLOBAL));
  }

  @Test
  void mangopayStrongCustomerAuthenticationReachesTheCallerWithoutATokenRequest()
      throws IOException {
    MangopayUsers mangopay = clients.mangopay(emulator.credentials(Provider.MANGOPAY));
    ok(mangopay.user("42"));
    emulator.requireStrongCustomerAuthentication(1);

    Response<MangopayUsers.User> challenged = mangopay.user("42").execute();
    MangopayUsers.User after = ok(mangopay.user("42"));

    assertEquals(401, challenged.code());
    assertTrue(challenged.headers().get("WWW-Authenticate").startsWith("PendingUserAction RedirectUrl="),
        challenged.headers().get("WWW-Authenticate"));
    assertEquals("42", after.id());
    assertEquals(1, emulator.tokenRequestCount(Provider.MANGOPAY));
    assertEquals(3, emulator.apiCallCount(Provider.MANGOPAY));
  }

  @Test
  void transientTokenEndpointFailureIsRetriedBehindTheCall() throws IOException {
    emulator.failTokenRequests(Provider.PAYSWAY, 1, 503);
    PayswayPayments paysway = clients.paysway(emulator.credentials(Provider.PAYSWAY));

    PayswayPayments.Payment payment = ok(paysway.payment("pay_1"));

    assertEquals("pay_1", payment.id());
    assertEquals(2, emulator.tokenRequestCount(Provider.PAYSWAY));
    assertEquals(1, emulator.issuedTokenCount(Provider.PAYSWAY));
  }

  @Test
  void paxosScopeNotGrantedToTheClientIsRejectedAsInvalidScope() {
    emulator.paxosGrantableScopes("transfer:read_transfer");
    PaxosTransfers paxos = clients.paxos(emulator.credentials(Provider.PAXOS));

    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> paxos.transfers(1).execute());

    assertEquals(400, e.status());
    assertEquals(Optional.of("invalid_scope"), e.errorCode());
  }

  private static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    assertTrue(response.isSuccessful(), () -> call.request().url() + " answered " + response.code());
    assertNotNull(response.body());
    return response.body();
  }

  /** The background refresh runs on Tokenwise's threads: wait for its token to be issued. */
  private void awaitTokensIssued(Provider provider, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (emulator.issuedTokenCount(provider) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, emulator.issuedTokenCount(provider));
  }
}
