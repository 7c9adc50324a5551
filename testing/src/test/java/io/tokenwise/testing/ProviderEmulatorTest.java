package io.tokenwise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.tokenwise.Provider;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator over raw HTTP: it accepts what each provider accepts and refuses the rest alike. */
final class ProviderEmulatorTest {
  private static final MediaType JSON = MediaType.get("application/json");

  private final VirtualClock clock = VirtualClock.at(Instant.parse("2024-07-11T07:46:30Z"));
  private final ProviderEmulator emulator = ProviderEmulator.start(clock);
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void paxosIssuesABearerTokenForFormCredentialsAndScopes() throws IOException {
    Answer answer = post(Provider.PAXOS, paxosForm("transfer:read_transfer funding:read_profile"));

    assertEquals(200, answer.status);
    assertEquals("bearer", answer.json.get("token_type"));
    assertEquals(3600.0, answer.json.get("expires_in"));
    assertEquals("transfer:read_transfer funding:read_profile", answer.json.get("scope"));
    assertNotNull(answer.json.get("access_token"));
    assertEquals(1, emulator.issuedTokenCount(Provider.PAXOS));
  }

  @Test
  void paxosRefusesCredentialsInABasicHeaderWithInvalidClient() throws IOException {
    Request request = new Request.Builder()
        .url(emulator.tokenUrl(Provider.PAXOS))
        .header("Authorization", basic("paxos-emulator-client:paxos-emulator-secret"))
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("scope", "transfer:read_transfer")
            .build())
        .build();

    Answer answer = send(request);

    assertEquals(401, answer.status);
    assertEquals(Map.of("error", "invalid_client", "error_description", "Client authentication failed"),
        answer.json);
    assertEquals(0, emulator.issuedTokenCount(Provider.PAXOS));
  }

  @Test
  void paxosRefusesAScopeOutsideTheCatalogOrTheClientsGrant() throws IOException {
    Answer unknown = post(Provider.PAXOS, paxosForm("transfer:read_transfers"));
    emulator.paxosGrantableScopes("transfer:read_transfer");
    Answer notGranted = post(Provider.PAXOS, paxosForm("funding:read_profile"));

    assertEquals(400, unknown.status);
    assertEquals("invalid_scope", unknown.json.get("error"));
    assertEquals(400, notGranted.status);
    assertEquals("invalid_scope", notGranted.json.get("error"));
    assertTrue(((String) notGranted.json.get("error_description")).contains("funding:read_profile"));
  }

  @Test
  void paxosOperationsNeedTheirScopesAndPublicOnesNeedNoToken() throws IOException {
    String token = token(post(Provider.PAXOS, paxosForm("transfer:read_transfer")), "access_token");
    String base = emulator.baseUrl(Provider.PAXOS);

    Answer transfers = send(get(base + "transfer/transfers?limit=2", token));
    Answer profile = send(get(base + "profiles/p-1", token));
    Answer unknown = send(get(base + "transfer/nonsense", token));
    Answer markets = send(new Request.Builder().url(base + "markets").build());

    assertEquals(200, transfers.status);
    assertEquals(2, ((java.util.List<?>) transfers.json.get("items")).size());
    assertEquals(403, profile.status);
    assertEquals("Forbidden", profile.json.get("title"));
    assertTrue(((String) profile.json.get("detail")).contains("funding:read_profile"));
    assertEquals("Bearer error=\"insufficient_scope\", scope=\"funding:read_profile\"",
        profile.header("WWW-Authenticate"));
    assertEquals(404, unknown.status);
    assertEquals(200, markets.status);
  }

  @Test
  void mangopayNeedsBasicOverTheRawClientIdAndApiKey() throws IOException {
    Request basic = new Request.Builder()
        .url(emulator.tokenUrl(Provider.MANGOPAY))
        .header("Authorization", basic("mangopay-emulator-client:mangopay-emulator-api-key"))
        .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
        .build();
    Request formOnly = new Request.Builder()
        .url(emulator.tokenUrl(Provider.MANGOPAY))
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", "mangopay-emulator-client")
            .add("client_secret", "mangopay-emulator-api-key")
            .build())
        .build();

    Answer accepted = send(basic);
    Answer refused = send(formOnly);

    assertTrue(emulator.tokenUrl(Provider.MANGOPAY).endsWith("/v2.01/oauth/token"));
    assertEquals(200, accepted.status);
    assertEquals("Bearer", accepted.json.get("token_type"));
    assertEquals(1199.0, accepted.json.get("expires_in"));
    assertEquals(401, refused.status);
    assertEquals("invalid_client", refused.json.get("Type"));
    assertNotNull(refused.json.get("Message"));
  }

  @Test
  void mangopayApiPathsMustCarryTheTokensClientId() throws IOException {
    String token = mangopayToken();
    String base = emulator.baseUrl(Provider.MANGOPAY);

    Answer own = send(get(base.replace("{clientId}", "mangopay-emulator-client") + "users/42", token));
    Answer other = send(get(base.replace("{clientId}", "someone-else") + "users/42", token));

    assertTrue(base.endsWith("/v2.01/{clientId}/"));
    assertEquals(200, own.status);
    assertEquals("42", own.json.get("Id"));
    assertEquals(403, other.status);
    assertEquals("forbidden_ressource", other.json.get("Type"));
  }

  @Test
  void mangopayStrongCustomerAuthenticationIsA401WithPendingUserAction() throws IOException {
    String token = mangopayToken();
    String users = emulator.baseUrl(Provider.MANGOPAY).replace("{clientId}", "mangopay-emulator-client")
        + "users/42";
    emulator.requireStrongCustomerAuthentication(1);

    Answer challenged = send(get(users, token));
    Answer after = send(get(users, token));

    assertEquals(401, challenged.status);
    assertTrue(challenged.header("WWW-Authenticate").startsWith("PendingUserAction RedirectUrl=http://127.0.0.1:"),
        challenged.header("WWW-Authenticate"));
    assertEquals(200, after.status);
    assertEquals(0, emulator.rejectedApiCallCount(Provider.MANGOPAY));
  }

  @Test
  void payswayRefusesAWrongSecretWithItsCodeAndMessage() throws IOException {
    Answer answer = post(Provider.PAYSWAY, new FormBody.Builder()
        .add("grant_type", "client_credentials")
        .add("client_id", "paysway-emulator-client")
        .add("client_secret", "wrong")
        .build());

    assertEquals(401, answer.status);
    assertEquals(Map.of("code", "AUTH_INVALID_CLIENT_CREDENTIALS", "message", "Invalid client credentials"),
        answer.json);
  }

  @Test
  void papayaAnswers201WithAJwtAndMinutePrecisionValidUntil() throws IOException {
    Answer answer = post(Provider.PAPAYA_GLOBAL, RequestBody.create(
        "{\"api_key\":\"papaya-emulator-api-key\",\"client_secret\":\"papaya-emulator-client-secret\","
            + "\"token_name\":\"payroll\",\"expiration\":90}", JSON));

    assertEquals(201, answer.status);
    // 07:46:30 + 90 s = 07:48:00 exactly.
    assertEquals("2024-07-11T07:48Z", answer.json.get("valid_until"));
    assertEquals("payroll", answer.json.get("token_name"));
    String[] jwt = token(answer, "token").split("\\.");
    assertEquals(3, jwt.length);
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"exp\":" + Instant.parse("2024-07-11T07:48:00Z").getEpochSecond()), claims);
  }

  @Test
  void papayaIssuesOpaqueTokensOnRequestAndRefusesAFormBody() throws IOException {
    emulator.papayaTokens(ProviderEmulator.PapayaToken.OPAQUE);
    Answer opaque = post(Provider.PAPAYA_GLOBAL, RequestBody.create(
        "{\"api_key\":\"papaya-emulator-api-key\",\"client_secret\":\"papaya-emulator-client-secret\"}", JSON));
    Answer form = post(Provider.PAPAYA_GLOBAL, new FormBody.Builder()
        .add("api_key", "papaya-emulator-api-key")
        .add("client_secret", "papaya-emulator-client-secret")
        .build());

    assertEquals(201, opaque.status);
    assertEquals(1, token(opaque, "token").split("\\.").length);
    // 07:46:30 + 24 h, cut to the minute.
    assertEquals("2024-07-12T07:46Z", opaque.json.get("valid_until"));
    assertEquals(400, form.status);
    assertEquals(Map.of("error", "The body must be a JSON object"), form.json);
  }

  @Test
  void expiredAndRevokedTokensAreRefusedWith401() throws IOException {
    emulator.tokenLifetime(Provider.PAYSWAY, Duration.ofSeconds(60));
    String first = payswayToken();
    String payment = emulator.baseUrl(Provider.PAYSWAY) + "payments/pay_1";

    Answer live = send(get(payment, first));
    clock.advance(Duration.ofSeconds(60));
    Answer expired = send(get(payment, first));
    String second = payswayToken();
    emulator.revokeTokens();
    Answer revoked = send(get(payment, second));

    assertEquals(200, live.status);
    assertEquals(401, expired.status);
    assertEquals(401, revoked.status);
    assertEquals(3, emulator.apiCallCount(Provider.PAYSWAY));
    assertEquals(2, emulator.rejectedApiCallCount(Provider.PAYSWAY));
  }

  @Test
  void oneProvidersTokenDoesNotOpenAnothersApi() throws IOException {
    String paysway = payswayToken();

    Answer answer = send(get(emulator.baseUrl(Provider.PAPAYA_GLOBAL) + "workers/w-1", paysway));

    assertEquals(401, answer.status);
    assertEquals(1, emulator.rejectedApiCallCount(Provider.PAPAYA_GLOBAL));
  }

  @Test
  void injectedFailuresUseTheProvidersErrorShapeAndRetryAfter() throws IOException {
    emulator.failTokenRequests(Provider.PAYSWAY, 2, 429, Duration.ofSeconds(7));

    Answer first = post(Provider.PAYSWAY, payswayForm());
    Answer second = post(Provider.PAYSWAY, payswayForm());
    Answer third = post(Provider.PAYSWAY, payswayForm());

    assertEquals(429, first.status);
    assertEquals("7", first.header("Retry-After"));
    assertEquals("AUTH_TOO_MANY_REQUESTS", first.json.get("code"));
    assertEquals(429, second.status);
    assertEquals(200, third.status);
    assertEquals(3, emulator.tokenRequestCount(Provider.PAYSWAY));
    assertEquals(1, emulator.issuedTokenCount(Provider.PAYSWAY));
  }

  @Test
  void delayedTokenAnswersOutlastAShortReadTimeout() {
    emulator.delayTokenResponses(Provider.PAYSWAY, Duration.ofSeconds(2));
    OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(100)).build();
    Request request = new Request.Builder()
        .url(emulator.tokenUrl(Provider.PAYSWAY)).post(payswayForm()).build();

    assertThrows(InterruptedIOException.class, () -> impatient.newCall(request).execute().close());
  }

  @Test
  void recordsTheLastTokenRequestByteForByte() throws IOException {
    post(Provider.PAXOS, paxosForm("transfer:read_transfer"));

    TokenRequest recorded = emulator.lastTokenRequest(Provider.PAXOS).orElseThrow();

    assertEquals("POST", recorded.method());
    assertEquals("/oauth2/token", recorded.target());
    assertEquals("application/x-www-form-urlencoded", recorded.header("Content-Type"));
    assertEquals("grant_type=client_credentials&client_id=paxos-emulator-client"
        + "&client_secret=paxos-emulator-secret&scope=transfer%3Aread_transfer", recorded.body());
    assertTrue(!recorded.toString().contains("secret"), recorded.toString());
  }

  @Test
  void keepsEachProvidersTokenRequestsWithTheTimeTheyArrived() throws IOException {
    Instant start = clock.instant();
    payswayToken();
    clock.advance(Duration.ofSeconds(30));
    payswayToken();
    post(Provider.PAXOS, paxosForm("transfer:read_transfer"));
    emulator.takeTokenRequest(Provider.PAYSWAY);

    List<TokenRequest> paysway = emulator.tokenRequests(Provider.PAYSWAY);
    assertEquals(2, paysway.size(), "taken or not, both are kept");
    assertEquals(start, paysway.get(0).receivedAt());
    assertEquals(start.plusSeconds(30), paysway.get(1).receivedAt());
    assertEquals(1, emulator.tokenRequests(Provider.PAXOS).size());
    assertEquals(start.plusSeconds(30), emulator.tokenRequests(Provider.PAXOS).get(0).receivedAt());
    assertEquals(0, emulator.tokenRequests(Provider.CUSTOM).size());

    emulator.resetCounters();
    assertEquals(0, emulator.tokenRequests(Provider.PAYSWAY).size());
  }

  @Test
  void callsTheTokenRequestListenerBeforeEachAnswer() throws IOException {
    List<String> seen = new ArrayList<>();
    emulator.onTokenRequest(request -> seen.add(request.provider() + " after "
        + emulator.issuedTokenCount(request.provider()) + " issued"));

    payswayToken();
    payswayToken();
    emulator.onTokenRequest(request -> {
      throw new IllegalStateException("listener failure");
    });
    Answer failed = post(Provider.PAYSWAY, payswayForm());

    assertEquals(List.of("PAYSWAY after 0 issued", "PAYSWAY after 1 issued"), seen);
    assertEquals(500, failed.status, "what the listener throws is the answer");
    assertEquals(3, emulator.tokenRequestCount(Provider.PAYSWAY));
    assertEquals(2, emulator.issuedTokenCount(Provider.PAYSWAY));
  }

  @Test
  void listensOnLoopbackOnlyWithPathsOfEachProvider() {
    assertTrue(emulator.tokenUrl(Provider.PAXOS)
        .matches("http://127\\.0\\.0\\.1:\\d+/oauth2/token"));
    assertTrue(emulator.baseUrl(Provider.MANGOPAY).endsWith("/v2.01/{clientId}/"));
    assertTrue(emulator.tokenUrl(Provider.CUSTOM).endsWith("/oauth2/token"));
  }

  private FormBody paxosForm(String scope) {
    return new FormBody.Builder()
        .add("grant_type", "client_credentials")
        .add("client_id", "paxos-emulator-client")
        .add("client_secret", "paxos-emulator-secret")
        .add("scope", scope)
        .build();
  }

  private FormBody payswayForm() {
    return new FormBody.Builder()
        .add("grant_type", "client_credentials")
        .add("client_id", "paysway-emulator-client")
        .add("client_secret", "paysway-emulator-secret")
        .build();
  }

  private String payswayToken() throws IOException {
    return token(post(Provider.PAYSWAY, payswayForm()), "access_token");
  }

  private String mangopayToken() throws IOException {
    return token(send(new Request.Builder()
        .url(emulator.tokenUrl(Provider.MANGOPAY))
        .header("Authorization", basic("mangopay-emulator-client:mangopay-emulator-api-key"))
        .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
        .build()), "access_token");
  }

  private static String token(Answer answer, String field) {
    assertTrue(answer.status / 100 == 2, "token request failed: " + answer.status + " " + answer.json);
    return (String) answer.json.get(field);
  }

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Request get(String url, String token) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
  }

  private Answer post(Provider provider, RequestBody body) throws IOException {
    return send(new Request.Builder().url(emulator.tokenUrl(provider)).post(body).build());
  }

  private Answer send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      Object json = new Moshi.Builder().build().adapter(Object.class).fromJson(body);
      return new Answer(response.code(), json instanceof Map<?, ?> map ? map : Map.of(), response);
    }
  }

  private record Answer(int status, Map<?, ?> json, Response response) {
    String header(String name) {
      return response.header(name);
    }
  }
}
