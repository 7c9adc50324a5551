package io.tokenwise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.InsufficientScopeException;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEndpointUnavailableException;
import io.tokenwise.TokenResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import retrofit2.Call;
import retrofit2.Response;

/** Every scripting knob, on every provider, through generated clients and by hand. */
final class ScriptingTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-01T09:00:00Z"));
  private final ProviderEmulator emulator = ProviderEmulator.start(clock);

  @AfterEach
  void close() {
    emulator.close();
  }

  private static Response<Map<String, Object>> call(Supplier<Call<Map<String, Object>>> calls)
      throws IOException {
    return calls.get().execute();
  }

  private List<String> bearers(Provider provider) {
    return emulator.apiCalls(provider).stream().map(ApiCall::bearer).toList();
  }

  private List<Integer> statuses(Provider provider) {
    return emulator.apiCalls(provider).stream().map(ApiCall::status).toList();
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void oneTokenServesThreeCallsAndEachCallCarriesIt(Provider provider) throws IOException {
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    for (int i = 0; i < 3; i++) {
      assertEquals(200, call(calls).code());
    }

    assertEquals(1, emulator.tokenRequestCount(provider));
    assertEquals(1, emulator.tokenRequestCount());
    assertEquals(1, emulator.issuedTokenCount(provider));
    assertEquals(3, emulator.apiCallCount(provider));
    assertEquals(0, emulator.rejectedApiCallCount(provider));
    String token = emulator.issuedTokens(provider).get(0);
    assertEquals(List.of(token, token, token), bearers(provider));
    assertEquals(List.of(200, 200, 200), statuses(provider));
    assertEquals(provider, emulator.takeTokenRequest().provider());
    ApiCall first = emulator.apiCalls(provider).get(0);
    assertEquals(token, first.bearerToken().orElseThrow());
    assertFalse(first.toString().contains(token), first.toString());
    assertTrue(first.toString().endsWith(" -> 200, with a bearer}"), first.toString());
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aTokenPastItsLifetimeIsReplacedInVirtualTime(Provider provider) throws IOException {
    emulator.tokenLifetime(provider, Duration.ofSeconds(100));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    call(calls);
    clock.advance(Duration.ofSeconds(100));
    RawHttp.Answer stale = RawHttp.api(emulator, provider, emulator.issuedTokens(provider).get(0));
    call(calls);

    assertEquals(401, stale.status());
    assertEquals(2, emulator.tokenRequestCount(provider));
    List<String> issued = emulator.issuedTokens(provider);
    assertEquals(2, issued.size());
    assertEquals(List.of(issued.get(0), issued.get(0), issued.get(1)), bearers(provider));
    assertEquals(List.of(200, 401, 200), statuses(provider));
    assertEquals(1, emulator.rejectedApiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void scriptedServerErrorsAreRetriedUntilTheUsualAnswer(Provider provider) throws IOException {
    emulator.enqueueTokenResponses(provider, 2, TokenResponse.error(503));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    assertEquals(200, call(calls).code());

    assertEquals(3, emulator.tokenRequestCount(provider));
    assertEquals(1, emulator.issuedTokenCount(provider));
    assertEquals(1, emulator.apiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void threeScriptedFailuresReachTheCallerAsUnavailable(Provider provider) {
    emulator.failTokenRequests(provider, 3, 502, Duration.ZERO);
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    TokenEndpointUnavailableException e =
        assertThrows(TokenEndpointUnavailableException.class, () -> call(calls));

    assertEquals(provider, e.provider());
    assertEquals(3, emulator.tokenRequestCount(provider));
    assertEquals(0, emulator.issuedTokenCount(provider));
    assertEquals(0, emulator.apiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aScriptedErrorHasTheStatusRetryAfterAndTheProvidersOwnBody(Provider provider)
      throws IOException {
    emulator.enqueueTokenResponse(provider,
        TokenResponse.error(429).retryAfter(Duration.ofSeconds(7)));

    RawHttp.Answer refused = RawHttp.token(emulator, provider);
    RawHttp.Answer usual = RawHttp.token(emulator, provider);

    assertEquals(429, refused.status());
    assertEquals("7", refused.retryAfter());
    String message = "emulated failure (HTTP 429)";
    switch (provider) {
      case PAXOS, CUSTOM -> assertEquals(
          Map.of("error", "rate_limited", "error_description", message), refused.json());
      case MANGOPAY -> {
        assertEquals(message, refused.json().get("Message"));
        assertEquals("rate_limit", refused.json().get("Type"));
        assertEquals(Map.of(), refused.json().get("errors"));
      }
      case PAYSWAY -> assertEquals(
          Map.of("code", "AUTH_TOO_MANY_REQUESTS", "message", message), refused.json());
      case PAPAYA_GLOBAL -> assertEquals(Map.of("error", message), refused.json());
    }
    assertEquals(provider == Provider.PAPAYA_GLOBAL ? 201 : 200, usual.status());
    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(1, emulator.issuedTokenCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aScriptedBodyIsSentAsGiven(Provider provider) {
    emulator.enqueueTokenResponse(provider, TokenResponse.status(200, "{\"nothing\":\"here\"}"));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    assertThrows(TokenResponseException.class, () -> call(calls));

    assertEquals(1, emulator.tokenRequestCount(provider));
    assertEquals(0, emulator.issuedTokenCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aDroppedConnectionIsRetried(Provider provider) throws IOException {
    emulator.enqueueTokenResponse(provider, TokenResponse.dropConnection());
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    assertEquals(200, call(calls).code());

    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(1, emulator.issuedTokenCount(provider));
    assertEquals(List.of(emulator.issuedTokens(provider).get(0)), bearers(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aDelayedAnswerPastTheClientsDeadlineIsRetried(Provider provider) throws IOException {
    // The deadline leaves the prompt second answer ample time even on a loaded machine.
    emulator.enqueueTokenResponse(provider, TokenResponse.issue().delay(Duration.ofSeconds(30)));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider,
        TokenCache.builder()
            .clock(clock)
            .minRequestInterval(Duration.ZERO)
            .maxBackoff(Duration.ofMillis(1))
            .tokenRequestTimeout(Duration.ofSeconds(1))
            .build());

    assertEquals(200, call(calls).code());

    // The delayed request was answered too, after the client had given up on it.
    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(2, emulator.issuedTokenCount(provider));
    assertEquals(List.of(emulator.issuedTokens(provider).get(1)), bearers(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void delayTokenResponsesHoldsBackEveryAnswer(Provider provider) throws IOException {
    emulator.delayTokenResponses(provider, Duration.ofSeconds(5));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider,
        TokenCache.builder()
            .clock(clock)
            .minRequestInterval(Duration.ZERO)
            .maxBackoff(Duration.ofMillis(1))
            .tokenRequestTimeout(Duration.ofMillis(100))
            .build());

    assertThrows(TokenEndpointUnavailableException.class, () -> call(calls));
    emulator.delayTokenResponses(provider, Duration.ZERO);
    RawHttp.Answer prompt = RawHttp.token(emulator, provider);

    assertEquals(4, emulator.tokenRequestCount(provider));
    assertTrue(prompt.status() / 100 == 2, "HTTP " + prompt.status());
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aRevokedCurrentTokenGets401AndTheClientFetchesANewOne(Provider provider)
      throws IOException {
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    call(calls);
    emulator.revokeCurrentToken(provider);
    assertEquals(200, call(calls).code());

    assertEquals(2, emulator.tokenRequestCount(provider));
    assertEquals(3, emulator.apiCallCount(provider));
    assertEquals(1, emulator.rejectedApiCallCount(provider));
    List<String> issued = emulator.issuedTokens(provider);
    assertEquals(List.of(issued.get(0), issued.get(0), issued.get(1)), bearers(provider));
    assertEquals(List.of(200, 401, 200), statuses(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void revokeTokensRevokesOneProviderOrAll(Provider provider) throws IOException {
    String first = RawHttp.token(emulator, provider).token();
    emulator.revokeTokens(provider == Provider.PAXOS ? Provider.MANGOPAY : Provider.PAXOS);
    int kept = RawHttp.api(emulator, provider, first).status();
    emulator.revokeTokens(provider);
    int revoked = RawHttp.api(emulator, provider, first).status();
    String second = RawHttp.token(emulator, provider).token();
    emulator.revokeTokens();
    int allRevoked = RawHttp.api(emulator, provider, second).status();

    assertEquals(List.of(200, 401, 401), List.of(kept, revoked, allRevoked));
    assertEquals(2, emulator.rejectedApiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void anIssuedTokenCanInvalidateTheOneBefore(Provider provider) throws IOException {
    String older = RawHttp.token(emulator, provider).token();
    String newer = RawHttp.token(emulator, provider).token();
    int bothLive = RawHttp.api(emulator, provider, older).status();
    emulator.invalidatePreviousTokenOnIssue(provider, true);
    String newest = RawHttp.token(emulator, provider).token();

    assertEquals(200, bothLive);
    assertEquals(401, RawHttp.api(emulator, provider, older).status());
    assertEquals(401, RawHttp.api(emulator, provider, newer).status());
    assertEquals(200, RawHttp.api(emulator, provider, newest).status());
    assertEquals(3, emulator.issuedTokenCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void twoClientsOfOneSingleTokenProviderTakeTurns(Provider provider) throws IOException {
    emulator.invalidatePreviousTokenOnIssue(provider, true);
    Supplier<Call<Map<String, Object>>> first = Apis.calls(emulator, provider);
    Supplier<Call<Map<String, Object>>> second = Apis.calls(emulator, provider);

    call(first);
    call(second);
    assertEquals(200, call(first).code());

    assertEquals(3, emulator.tokenRequestCount(provider));
    assertEquals(4, emulator.apiCallCount(provider));
    assertEquals(List.of(200, 200, 401, 200), statuses(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void tokenRequestsBeyondTheRateLimitGet429UntilTheWindowPasses(Provider provider)
      throws IOException {
    emulator.rateLimitTokenRequests(provider, 1, Duration.ofSeconds(60));

    RawHttp.Answer admitted = RawHttp.token(emulator, provider);
    clock.advance(Duration.ofSeconds(15));
    RawHttp.Answer limited = RawHttp.token(emulator, provider);
    clock.advance(Duration.ofSeconds(45));
    RawHttp.Answer again = RawHttp.token(emulator, provider);

    assertTrue(admitted.status() / 100 == 2);
    assertEquals(429, limited.status());
    assertEquals("45", limited.retryAfter());
    assertFalse(limited.json().isEmpty());
    assertTrue(again.status() / 100 == 2);
    assertEquals(3, emulator.tokenRequestCount(provider));
    assertEquals(2, emulator.issuedTokenCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void apiCallsBeyondTheRateLimitGet429(Provider provider) throws IOException {
    emulator.rateLimitApiCalls(provider, 2, Duration.ofSeconds(10));
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    call(calls);
    call(calls);
    Response<Map<String, Object>> limited = call(calls);
    emulator.removeRateLimits(provider);
    call(calls);

    assertEquals(429, limited.code());
    assertEquals("10", limited.headers().get("Retry-After"));
    assertEquals(List.of(200, 200, 429, 200), statuses(provider));
    assertEquals(1, emulator.tokenRequestCount(provider));
  }

  @ParameterizedTest
  @EnumSource(value = Provider.class, names = {"PAXOS", "CUSTOM"})
  void narrowerGrantedScopesReachTheCaller(Provider provider) throws IOException {
    String kept = provider == Provider.PAXOS ? "transfer:read_transfer" : "ledger.read";
    emulator.grantOnlyScopes(provider, kept);
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, provider);

    IOException e = assertThrows(IOException.class, () -> call(calls));

    assertInstanceOf(InsufficientScopeException.class, e);
    assertEquals(kept, emulator.takeTokenRequest(provider).form().get("scope").split(" ")[0]);
    assertEquals(1, emulator.tokenRequestCount(provider));
    assertEquals(1, emulator.issuedTokenCount(provider));
    assertEquals(0, emulator.apiCallCount(provider));
  }

  @ParameterizedTest
  @EnumSource(value = Provider.class, names = {"MANGOPAY", "PAYSWAY", "PAPAYA_GLOBAL"})
  void providersWithoutScopesCannotNarrowThem(Provider provider) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> emulator.grantOnlyScopes(provider, "any"));
    assertEquals(provider + " tokens carry no scopes", e.getMessage());
  }

  @Test
  void mangopayStrongCustomerAuthenticationIsNotCuredByANewToken() throws IOException {
    Supplier<Call<Map<String, Object>>> calls = Apis.calls(emulator, Provider.MANGOPAY);
    call(calls);
    emulator.requireStrongCustomerAuthentication(1);

    Response<Map<String, Object>> challenged = call(calls);
    Response<Map<String, Object>> after = call(calls);

    assertEquals(401, challenged.code());
    assertTrue(challenged.headers().get("WWW-Authenticate").startsWith(
        "PendingUserAction RedirectUrl=" + emulator.tokenUrl(Provider.MANGOPAY)
            .replace("/v2.01/oauth/token", "/sca/")));
    assertEquals(200, after.code());
    assertEquals(1, emulator.tokenRequestCount(Provider.MANGOPAY));
    assertEquals(List.of(200, 401, 200), statuses(Provider.MANGOPAY));
  }

  @Test
  void scriptsQueueUpInOrderPerProvider() throws IOException {
    emulator.enqueueTokenResponse(Provider.PAYSWAY, TokenResponse.error(500))
        .enqueueTokenResponse(Provider.PAYSWAY, TokenResponse.error(400));

    RawHttp.Answer paxos = RawHttp.token(emulator, Provider.PAXOS);
    RawHttp.Answer first = RawHttp.token(emulator, Provider.PAYSWAY);
    RawHttp.Answer second = RawHttp.token(emulator, Provider.PAYSWAY);
    RawHttp.Answer third = RawHttp.token(emulator, Provider.PAYSWAY);

    assertEquals(List.of(200, 500, 400, 200),
        List.of(paxos.status(), first.status(), second.status(), third.status()));
    assertEquals(4, emulator.tokenRequestCount());
  }

  @Test
  void failTokenRequestsReplacesTheScriptAndZeroClearsIt() throws IOException {
    emulator.enqueueTokenResponses(Provider.PAXOS, 5, TokenResponse.dropConnection());
    emulator.failTokenRequests(Provider.PAXOS, 1, 503);
    RawHttp.Answer failed = RawHttp.token(emulator, Provider.PAXOS);
    emulator.failTokenRequests(Provider.PAXOS, 3, 503).failTokenRequests(Provider.PAXOS, 0, 503);

    assertEquals(503, failed.status());
    assertEquals(Map.of("error", "temporarily_unavailable",
        "error_description", "emulated failure (HTTP 503)"), failed.json());
    assertEquals(200, RawHttp.token(emulator, Provider.PAXOS).status());
  }

  @Test
  void scriptsCheckTheirArguments() {
    assertThrows(IllegalArgumentException.class, () -> TokenResponse.error(302));
    assertThrows(IllegalArgumentException.class,
        () -> emulator.enqueueTokenResponses(Provider.PAXOS, -1, TokenResponse.issue()));
    assertThrows(IllegalArgumentException.class,
        () -> emulator.rateLimitTokenRequests(Provider.PAXOS, 0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> emulator.tokenLifetime(Provider.PAXOS, Duration.ofMillis(999)));
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> emulator.revokeCurrentToken(Provider.PAPAYA_GLOBAL));
    assertEquals("PAPAYA_GLOBAL has issued no token to revoke", none.getMessage());
    assertEquals("TokenResponse{status(200, 15 chars)}",
        TokenResponse.status(200, "{\"token\":\"abc\"}").toString());
    assertEquals("TokenResponse{error(503), retryAfter=PT2S, delay=PT0.5S}",
        TokenResponse.error(503).retryAfter(Duration.ofSeconds(2)).delay(Duration.ofMillis(500))
            .toString());
  }

  @Test
  void resetCountersForgetsCountsAndRecordsButKeepsScripts() throws IOException {
    RawHttp.token(emulator, Provider.PAXOS);
    emulator.enqueueTokenResponse(Provider.PAXOS, TokenResponse.error(500));

    emulator.resetCounters();

    assertEquals(0, emulator.tokenRequestCount());
    assertEquals(List.of(), emulator.issuedTokens(Provider.PAXOS));
    assertEquals(500, RawHttp.token(emulator, Provider.PAXOS).status());
    assertEquals(1, emulator.tokenRequestCount(Provider.PAXOS));
    assertNotEquals(null, emulator.takeTokenRequest(Provider.PAXOS));
  }
}
