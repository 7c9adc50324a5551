package io.tokenwise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.CredentialsSource;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenRejectedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One call points any generated client at the emulator, and the token requests it then sends are
 * there to take, byte for byte.
 */
final class PointingClientsTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-01T09:00:00Z"));
  private final ProviderEmulator emulator = ProviderEmulator.start(clock);

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void configureReadsTheProviderFromTheAnnotation() throws IOException {
    Apis.Paxos paxos = emulator.configure(Apis_PaxosClient.builder()).build();
    Apis.Mangopay mangopay = emulator.configure(Apis_MangopayClient.builder()).build();
    Apis.Paysway paysway = emulator.configure(Apis_PayswayClient.builder()).build();
    Apis.Papaya papaya = emulator.configure(Apis_PapayaClient.builder()).build();
    Apis.CustomBasic basic = emulator.configure(Apis_CustomBasicClient.builder()).build();
    Apis.CustomPost post = emulator.configure(Apis_CustomPostClient.builder()).build();

    assertEquals(200, paxos.profile("p-1").execute().code());
    assertEquals(200, mangopay.user("42").execute().code());
    assertEquals(200, paysway.payment("pay_1").execute().code());
    assertEquals(200, papaya.worker("w-1").execute().code());
    assertEquals(200, basic.entry("e-1").execute().code());
    assertEquals(200, post.entry("e-2").execute().code());

    for (Provider provider : ProviderEmulator.PROVIDERS) {
      assertEquals(1, emulator.tokenRequestCount(provider), provider.toString());
      assertEquals(1, emulator.apiCallCount(provider), provider.toString());
    }
    assertEquals(2, emulator.tokenRequestCount(Provider.CUSTOM));
    assertEquals("/v2.01/mangopay-emulator-client/users/42",
        emulator.apiCalls(Provider.MANGOPAY).get(0).target());
    // CUSTOM keeps each interface's own base path.
    assertEquals(List.of("/v3/entries/e-1", "/entries/e-2"),
        emulator.apiCalls(Provider.CUSTOM).stream().map(ApiCall::target).toList());
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void clientAndBuilderFindTheGeneratedClient(Provider provider) throws IOException {
    Object client = emulator.client(Apis.api(provider));
    ClientBuilder<?, ?> builder = emulator.builder(Apis.api(provider));

    assertTrue(Apis.api(provider).isInstance(client));
    assertTrue(Apis.api(provider).isInstance(builder.build()));
    assertEquals(200, Apis.calls(emulator, provider).get().execute().code());
    assertEquals(1, emulator.tokenRequestCount(provider));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void clientWithOtherCredentialsIsRefusedInTheProvidersWords(Provider provider) {
    Object client = emulator.client(Apis.api(provider), ClientCredentials.of("intruder", "guess"));
    ClientBuilder<?, ?> unused = emulator.builder(Apis.api(provider));

    IOException e = assertThrows(IOException.class, () -> call(provider, client));

    assertTrue(e instanceof TokenRejectedException, e.toString());
    assertEquals(401, ((TokenRejectedException) e).status());
    assertFalse(e.getMessage().contains("guess"), e.getMessage());
    assertEquals(1, emulator.tokenRequestCount(provider));
    assertFalse(unused.toString().contains("secret"));
  }

  private static void call(Provider provider, Object client) throws IOException {
    switch (provider) {
      case PAXOS -> ((Apis.Paxos) client).profile("p-1").execute();
      case MANGOPAY -> ((Apis.Mangopay) client).user("42").execute();
      case PAYSWAY -> ((Apis.Paysway) client).payment("pay_1").execute();
      case PAPAYA_GLOBAL -> ((Apis.Papaya) client).worker("w-1").execute();
      case CUSTOM -> ((Apis.CustomBasic) client).entry("e-1").execute();
    }
  }

  @Test
  void credentialsSourceServesInjectedClients() throws IOException {
    CredentialsSource source = emulator.credentialsSource();
    // What an injected client does with its source (generated with jakarta.inject present).
    Apis_PayswayClient.Builder builder = Apis_PayswayClient.builder();
    source.configure(Apis.Paysway.class, builder);
    Apis.Paysway paysway = builder.credentials(source.credentials(Provider.PAYSWAY)).build();

    assertEquals(200, paysway.payment("pay_1").execute().code());
    assertEquals(emulator.credentials(Provider.PAYSWAY), source.credentials(Provider.PAYSWAY));
    assertEquals(1, emulator.tokenRequestCount(Provider.PAYSWAY));
  }

  @Test
  void configureGivesTheClientTheEmulatorsClock() throws IOException {
    emulator.tokenLifetime(Provider.PAYSWAY, Duration.ofSeconds(40));
    Apis.Paysway paysway = emulator.client(Apis.Paysway.class);

    paysway.payment("pay_1").execute();
    clock.advance(Duration.ofSeconds(39));
    paysway.payment("pay_1").execute();

    // At 39 s of 40 the token is past its hard margin: the client fetched a new one itself.
    assertEquals(2, emulator.tokenRequestCount(Provider.PAYSWAY));
    assertEquals(0, emulator.rejectedApiCallCount(Provider.PAYSWAY));
  }

  @Test
  void aTokenCacheOnAnotherClockIsNamed() {
    ClientBuilder<?, ?> builder = emulator.builder(Apis.Paysway.class)
        .tokenCache(TokenCache.create());

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(e.getMessage().contains("clock and tokenCache were both set"), e.getMessage());
  }

  @Test
  void onlyAnnotatedInterfacesAndGeneratedBuildersAreTaken() {
    IllegalArgumentException notAnnotated = assertThrows(IllegalArgumentException.class,
        () -> emulator.client(Runnable.class));
    assertEquals("java.lang.Runnable is not annotated @TokenEndpoint: the emulator points"
        + " generated clients of @TokenEndpoint interfaces only", notAnnotated.getMessage());
  }

  @Test
  void takeTokenRequestDecodesEachProvidersRequest() throws IOException {
    for (Provider provider : Provider.values()) {
      Apis.calls(emulator, provider).get().execute();
    }
    emulator.client(Apis.CustomPost.class).entry("e-2").execute();

    TokenRequest paxos = emulator.takeTokenRequest();
    assertEquals(Provider.PAXOS, paxos.provider());
    assertEquals("POST", paxos.method());
    assertEquals("/oauth2/token", paxos.target());
    assertEquals("application/x-www-form-urlencoded", paxos.mediaType());
    assertEquals(Map.of("grant_type", "client_credentials", "client_id", "paxos-emulator-client",
        "client_secret", "paxos-emulator-secret",
        "scope", "transfer:read_transfer funding:read_profile"), paxos.form());
    assertEquals(Map.of(), paxos.json());
    assertTrue(paxos.basicCredentials().isEmpty());

    TokenRequest mangopay = emulator.takeTokenRequest(Provider.MANGOPAY);
    assertEquals("/v2.01/oauth/token", mangopay.target());
    assertEquals(Map.of("grant_type", "client_credentials"), mangopay.form());
    assertEquals("Basic " + base64("mangopay-emulator-client:mangopay-emulator-api-key"),
        mangopay.header("authorization"));
    assertEquals(emulator.credentials(Provider.MANGOPAY), mangopay.basicCredentials().get());

    TokenRequest paysway = emulator.takeTokenRequest(Provider.PAYSWAY);
    assertEquals("grant_type=client_credentials&client_id=paysway-emulator-client"
        + "&client_secret=paysway-emulator-secret", paysway.body());

    TokenRequest papaya = emulator.takeTokenRequest(Provider.PAPAYA_GLOBAL);
    assertEquals("application/json", papaya.mediaType());
    assertEquals(Map.of("api_key", "papaya-emulator-api-key",
        "client_secret", "papaya-emulator-client-secret"), papaya.json());
    assertEquals(Map.of(), papaya.form());

    TokenRequest basic = emulator.takeTokenRequest(Provider.CUSTOM);
    assertEquals(Map.of("grant_type", "client_credentials", "scope", "ledger.read ledger.write"),
        basic.form());
    assertEquals(emulator.credentials(Provider.CUSTOM), basic.basicCredentials().get());
    TokenRequest post = emulator.takeTokenRequest(Provider.CUSTOM);
    assertEquals(Map.of("grant_type", "client_credentials", "client_id", "custom-emulator-client",
        "client_secret", "custom-emulator-secret"), post.form());
    assertEquals(null, post.header("Authorization"));

    for (TokenRequest request : List.of(paxos, mangopay, paysway, papaya, basic, post)) {
      assertFalse(request.toString().contains("secret"), request.toString());
      assertFalse(request.toString().contains("api-key"), request.toString());
      if (request != basic) {
        assertEquals(request, emulator.lastTokenRequest(request.provider()).get());
      }
    }
    assertEquals(6, emulator.tokenRequestCount());
  }

  @Test
  void takeTokenRequestWaitsForALateRequestAndFailsWithoutOne() throws Exception {
    emulator.takeTimeout = Duration.ofMillis(50);
    AssertionError none = assertThrows(AssertionError.class,
        () -> emulator.takeTokenRequest(Provider.PAXOS));
    assertEquals("No PAXOS token request arrived within 0.05 s", none.getMessage());

    emulator.takeTimeout = Duration.ofSeconds(10);
    Thread late = new Thread(() -> {
      try {
        RawHttp.token(emulator, Provider.PAYSWAY);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    late.start();
    assertEquals(Provider.PAYSWAY, emulator.takeTokenRequest().provider());
    late.join();
  }

  @Test
  void customAcceptsBasicOrPostButNeverBothAndChallengesBadBasic() throws IOException {
    ClientCredentials credentials = emulator.credentials(Provider.CUSTOM);
    FormBody grant = new FormBody.Builder().add("grant_type", "client_credentials").build();
    FormBody both = new FormBody.Builder().add("grant_type", "client_credentials")
        .add("client_id", credentials.clientId()).add("client_secret", credentials.secret())
        .build();
    String url = emulator.tokenUrl(Provider.CUSTOM);

    RawHttp.Answer twice = RawHttp.send(new Request.Builder().url(url)
        .header("Authorization", "Basic " + base64("custom-emulator-client:custom-emulator-secret"))
        .post(both).build());
    RawHttp.Answer wrong = RawHttp.send(new Request.Builder().url(url)
        .header("Authorization", "Basic " + base64("custom-emulator-client:nope"))
        .post(grant).build());

    assertEquals(400, twice.status());
    assertEquals(Map.of("error", "invalid_request",
        "error_description", "The client used more than one authentication method"), twice.json());
    assertEquals(401, wrong.status());
    assertEquals("Basic realm=\"tokenwise-emulator\"", wrong.wwwAuthenticate());
    assertEquals("invalid_client", wrong.json().get("error"));
    assertEquals(0, emulator.issuedTokenCount(Provider.CUSTOM));
  }

  @Test
  void closingFreesEveryPort() throws IOException {
    List<URI> origins = Provider.values().length == 5
        ? List.of(Provider.values()).stream().map(p -> URI.create(emulator.tokenUrl(p))).toList()
        : List.of();
    for (URI origin : origins) {
      assertEquals("127.0.0.1", origin.getHost());
      try (Socket open = new Socket()) {
        open.connect(new InetSocketAddress(origin.getHost(), origin.getPort()), 1_000);
      }
    }

    emulator.close();

    for (URI origin : origins) {
      try (Socket closed = new Socket()) {
        assertThrows(ConnectException.class, () -> closed.connect(
            new InetSocketAddress(origin.getHost(), origin.getPort()), 1_000));
      }
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
