package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Url;

/** The runtime side of a generated client, against a loopback token endpoint and API. */
final class ClientGlueTest {
  @TokenEndpoint(provider = Provider.PAXOS, scopes = {"transfer:read_transfer"})
  interface PaxosApi {
    @GET("transfer/transfers")
    Call<Thing> transfers();

    @GET
    Call<Thing> at(@Url String url);
  }

  @TokenEndpoint(provider = Provider.MANGOPAY)
  interface MangopayApi {
    @GET("users/{id}")
    Call<Thing> user(@Path("id") String id);
  }

  @TokenEndpoint(provider = Provider.PAPAYA_GLOBAL, env = Env.PRODUCTION)
  interface PapayaApi {
    @GET("payments")
    Call<Thing> payments();
  }

  @TokenEndpoint(provider = Provider.CUSTOM, tokenUrl = "https://auth.example.test/token",
      baseUrl = "https://api.example.test/")
  interface CustomWithoutStyle {
    @GET("things")
    Call<Thing> things();
  }

  /** A response body. */
  static final class Thing {
    String name;
  }

  private static final ClientCredentials CREDENTIALS =
      ClientCredentials.of("client-1", "s3cret-s3cret-s3cret");

  private final VirtualTime time = new VirtualTime();
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> apiTokens = new CopyOnWriteArrayList<>();
  /** Decides the API's answer from the bearer token it received; null means 200. */
  private volatile Function<String, MockResponse> api = token -> null;
  private volatile MockResponse tokenAnswer;
  /** Token requests for which this says true get no answer until {@link #tokenGate} opens. */
  private volatile Predicate<RecordedRequest> hangs = request -> false;
  private final CountDownLatch tokenGate = new CountDownLatch(1);
  private final AtomicInteger tokenAnswers = new AtomicInteger();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private TokenCache cache;

  @BeforeEach
  void setUp() throws IOException {
    cache = TokenCache.builder().clock(time).scheduler(time)
        .minRequestInterval(Duration.ZERO).waitTimeout(Duration.ofSeconds(30)).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/token")) {
          tokenRequests.add(request);
          if (hangs.test(request)) {
            try {
              tokenGate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          tokenAnswers.incrementAndGet();
          if (tokenAnswer != null) {
            return tokenAnswer;
          }
          return new MockResponse.Builder()
              .setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"tok-" + tokensIssued.incrementAndGet()
                  + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")
              .build();
        }
        String authorization = request.getHeaders().get("Authorization");
        String token = authorization == null ? null : authorization.substring("Bearer ".length());
        apiTokens.add(token);
        MockResponse answer = api.apply(token);
        return answer != null ? answer : new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body("{\"name\":\"" + request.getUrl().encodedPath() + "\"}")
            .build();
      }
    });
    server.start();
  }

  @AfterEach
  void tearDown() {
    tokenGate.countDown();
    callers.shutdownNow();
    server.close();
    time.close();
  }

  private <T> HandBuilder<T> builder(Class<T> api) {
    return new HandBuilder<>(api)
        .credentials(CREDENTIALS)
        .tokenCache(cache)
        .tokenUrl(server.url("/oauth2/token").toString())
        .baseUrl(server.url("/v2/").toString());
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{}").build();
  }

  @Test
  void bearerTokenIsAttachedAndFetchedOnce() throws Exception {
    PaxosApi paxos = builder(PaxosApi.class).build();
    for (int i = 0; i < 5; i++) {
      Response<Thing> response = paxos.transfers().execute();
      assertEquals(200, response.code());
      assertEquals("/v2/transfer/transfers", response.body().name);
    }
    assertEquals(1, tokenRequests.size());
    assertEquals("grant_type=client_credentials&client_id=client-1"
        + "&client_secret=s3cret-s3cret-s3cret&scope=transfer%3Aread_transfer",
        tokenRequests.get(0).getBody().utf8());
    assertEquals(Collections.nCopies(5, "tok-1"), apiTokens);
  }

  @Test
  void clientsWithTheSameKeyShareOneToken() throws Exception {
    PaxosApi first = builder(PaxosApi.class).build();
    PaxosApi second = builder(PaxosApi.class).build();
    first.transfers().execute();
    second.transfers().execute();
    assertEquals(1, tokenRequests.size());
    assertEquals(List.of("tok-1", "tok-1"), apiTokens);
  }

  /**
   * A client with the key of another but its own OkHttpClient (Mangopay's mutual TLS: its own
   * client certificate) fetches its token through its own transport, as {@code okHttpClient}
   * promises, never through the first client's.
   */
  @Test
  void aClientWithItsOwnTransportFetchesThroughIt() throws Exception {
    SocketRecorder first = new SocketRecorder();
    SocketRecorder second = new SocketRecorder();
    PaxosApi firstClient = builder(PaxosApi.class).okHttpClient(first.client()).build();
    PaxosApi secondClient = builder(PaxosApi.class).okHttpClient(second.client()).build();
    assertEquals(200, secondClient.transfers().execute().code());
    assertEquals(0, first.tokenRequests(), "the second client's token went over the first's");
    assertEquals(1, second.tokenRequests());
    assertEquals(200, firstClient.transfers().execute().code());
    assertEquals(1, first.tokenRequests());
    assertEquals(2, tokenRequests.size(), "one token per transport");

    // Clients on one OkHttpClient, or on clients derived from it, share their token.
    PaxosApi derived = builder(PaxosApi.class)
        .okHttpClient(second.client().newBuilder().addInterceptor(chain ->
            chain.proceed(chain.request())).build())
        .build();
    assertEquals(200, derived.transfers().execute().code());
    assertEquals(2, tokenRequests.size());
  }

  /** An OkHttpClient whose sockets record what they send, to tell which transport sent what. */
  private static final class SocketRecorder extends javax.net.SocketFactory {
    private final java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
    private final OkHttpClient client = new OkHttpClient.Builder().socketFactory(this).build();

    OkHttpClient client() {
      return client;
    }

    int tokenRequests() {
      String text;
      synchronized (sent) {
        text = sent.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      return text.split("POST /oauth2/token ", -1).length - 1;
    }

    @Override
    public java.net.Socket createSocket() {
      return new java.net.Socket() {
        @Override
        public java.io.OutputStream getOutputStream() throws IOException {
          java.io.OutputStream out = super.getOutputStream();
          return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              synchronized (sent) {
                sent.write(bytes, offset, length);
              }
              out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
              synchronized (sent) {
                sent.write(b);
              }
              out.write(b);
            }
          };
        }
      };
    }

    @Override
    public java.net.Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local,
        int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port,
        java.net.InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * A client whose secret has the same short fingerprint as another's does not get the other's
   * token from a shared cache: the key compares the secrets at full strength.
   */
  @Test
  void aSecretWithACollidingFingerprintGetsNoTokenOfTheOtherSecret() throws Exception {
    List<String> secrets = TokenKeyTest.secretsWithCollidingFingerprints("client-1");
    ClientCredentials right = ClientCredentials.of("client-1", secrets.get(0));
    ClientCredentials wrong = ClientCredentials.of("client-1", secrets.get(1));
    assertEquals(right.fingerprint(), wrong.fingerprint());
    PaxosApi rightClient = builder(PaxosApi.class).credentials(right).build();
    PaxosApi wrongClient = builder(PaxosApi.class).credentials(wrong).build();

    assertEquals(200, rightClient.transfers().execute().code());
    tokenAnswer = new MockResponse.Builder().code(401)
        .body("{\"error\":\"invalid_client\"}").build();
    assertThrows(TokenRejectedException.class, () -> wrongClient.transfers().execute());

    assertEquals(2, tokenRequests.size(), "the wrong secret was sent to the token endpoint");
    assertTrue(tokenRequests.get(1).getBody().utf8().contains("client_secret=" + secrets.get(1)));
    assertEquals(List.of("tok-1"), apiTokens, "the wrong secret's client never sent tok-1");
  }

  /**
   * Clients built on the default shared cache and then dropped leave nothing behind: neither
   * their credentials nor their cache entries.
   */
  @Test
  void droppedClientsOfTheSharedCacheDoNotRetainTheirCredentials() throws Exception {
    List<WeakReference<ClientCredentials>> dropped = buildCallAndDrop(100, "dropped-");
    assertEquals(100, tokenRequests.size());
    assertEquals(0, awaitCollected(dropped), "credentials still reachable from the shared cache");
  }

  @Test
  void aLiveClientKeepsItsSharedEntryWhileDroppedOnesGo() throws Exception {
    ClientCredentials kept = ClientCredentials.of("kept-client", "s3cret-s3cret-s3cret");
    PaxosApi live = sharedCacheClient(kept);
    assertEquals(200, live.transfers().execute().code());
    List<WeakReference<ClientCredentials>> dropped = buildCallAndDrop(10, "dropped-too-");
    assertEquals(0, awaitCollected(dropped));

    // Another client of the same key still shares the live client's token.
    PaxosApi another = sharedCacheClient(ClientCredentials.of("kept-client", "s3cret-s3cret-s3cret"));
    assertEquals(200, another.transfers().execute().code());
    assertEquals(200, live.transfers().execute().code());
    assertEquals(11, tokenRequests.size(), "one token for the two clients of the kept key");
    assertEquals(apiTokens.get(0), apiTokens.get(apiTokens.size() - 1));
    assertEquals(apiTokens.get(0), apiTokens.get(apiTokens.size() - 2));
  }

  /** A client on {@link TokenCache#shared()}, as {@code XxxClient.create(credentials)} builds it. */
  private PaxosApi sharedCacheClient(ClientCredentials credentials) {
    return new HandBuilder<>(PaxosApi.class)
        .credentials(credentials)
        .tokenUrl(server.url("/oauth2/token").toString())
        .baseUrl(server.url("/v2/").toString())
        .build();
  }

  /** In a frame of its own, so that no local variable of the test keeps a client alive. */
  private List<WeakReference<ClientCredentials>> buildCallAndDrop(int count, String prefix)
      throws IOException {
    List<WeakReference<ClientCredentials>> references = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ClientCredentials credentials = ClientCredentials.of(prefix + i, "s3cret-s3cret-s3cret");
      assertEquals(200, sharedCacheClient(credentials).transfers().execute().code());
      references.add(new WeakReference<>(credentials));
    }
    return references;
  }

  /** Collects garbage until every reference is cleared, or gives up; returns how many remain. */
  private static long awaitCollected(List<WeakReference<ClientCredentials>> references)
      throws InterruptedException {
    long remaining = references.size();
    for (int i = 0; i < 100 && remaining > 0; i++) {
      System.gc();
      Thread.sleep(20);
      remaining = references.stream().filter(reference -> reference.get() != null).count();
    }
    return remaining;
  }

  /**
   * The bearer goes to the base URL's origin only: another host name for the same server, or
   * another port, is another origin, and an {@code @Url} call there carries no token.
   */
  @Test
  void theBearerGoesOnlyToTheBaseUrlsOrigin() throws Exception {
    HttpUrl base = server.url("/v2/");
    assertEquals("localhost", base.host());
    PaxosApi paxos = builder(PaxosApi.class).baseUrl(base.toString()).build();
    try (MockWebServer otherPort = new MockWebServer()) {
      otherPort.start();
      otherPort.enqueue(new MockResponse.Builder().body("{}").build());
      String otherHost = base.newBuilder().host("127.0.0.1").encodedPath("/elsewhere").build()
          .toString();

      assertEquals(200, paxos.at(otherHost).execute().code());
      assertEquals(0, tokenRequests.size(), "no token fetched for a call that gets none");
      assertEquals(200, paxos.at(otherPort.url("/v2/x").toString()).execute().code());
      assertEquals(200, paxos.at(base.resolve("/other/path").toString()).execute().code());
      assertEquals(200, paxos.transfers().execute().code());

      assertEquals(Arrays.asList(null, "tok-1", "tok-1"), apiTokens, "127.0.0.1, then localhost");
      assertNull(otherPort.takeRequest().getHeaders().get("Authorization"), "another port");
      assertEquals(1, tokenRequests.size());
    }
  }

  @Test
  void alsoSendTokenToWidensTheOriginsToAnExplicitList() throws Exception {
    HttpUrl base = server.url("/v2/");
    HttpUrl otherHost = base.newBuilder().host("127.0.0.1").encodedPath("/files/1").build();
    try (MockWebServer otherPort = new MockWebServer()) {
      otherPort.start();
      otherPort.enqueue(new MockResponse.Builder().body("{}").build());
      PaxosApi paxos = builder(PaxosApi.class).baseUrl(base.toString())
          .alsoSendTokenTo("http://127.0.0.1:" + base.port())
          .build();
      assertEquals(200, paxos.at(otherHost.toString()).execute().code());
      assertEquals(200, paxos.at(otherPort.url("/files/1").newBuilder().host("127.0.0.1").build()
          .toString()).execute().code());
      assertEquals(List.of("tok-1"), apiTokens, "127.0.0.1 on the listed port");
      assertNull(otherPort.takeRequest().getHeaders().get("Authorization"), "not on another");
    }
  }

  @Test
  void alsoSendTokenToTakesOnlyOriginsThatMayCarryAToken() {
    for (String origin : List.of("http://files.example.test", "http://127.evil.example")) {
      IllegalArgumentException http = assertThrows(IllegalArgumentException.class,
          () -> builder(PaxosApi.class).alsoSendTokenTo(origin).build());
      assertTrue(http.getMessage().startsWith("alsoSendTokenTo must use https (plain http is"
          + " allowed only for localhost, 127.0.0.0/8 and ::1)"), http.getMessage());
    }
    IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
        () -> builder(PaxosApi.class)
            .alsoSendTokenTo("https://files.example.test/v1?key=s3cret-in-query").build());
    assertEquals("alsoSendTokenTo takes origins (scheme, host and port, such as"
        + " https://files.example.com), which have no path, query or fragment:"
        + " https://files.example.test/v1?***", path.getMessage());
    IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
        () -> builder(PaxosApi.class).alsoSendTokenTo("https://u:hunter2@files.example.test")
            .build());
    assertFalse(userInfo.getMessage().contains("hunter2"), userInfo.getMessage());
    builder(PaxosApi.class).alsoSendTokenTo("https://files.example.test/",
        "https://FILES.example.test:8443").build();
  }

  @Test
  void theBearerNeverGoesOverPlainHttpToAHostThatIsNotLoopback() {
    TokenEntry entry = cache.entry(FakeFetcher.key("origins"), Provider.PAXOS,
        new FakeFetcher(time, Duration.ofHours(1)));
    // Even given such an origin (the builder refuses one), the interceptor does not send.
    BearerInterceptor bearer = new BearerInterceptor(entry, Provider.PAXOS, List.of(
        HttpUrl.get("https://api.example.test/v2/"), HttpUrl.get("http://files.example.test/")));
    assertTrue(bearer.maySend(HttpUrl.get("https://api.example.test/v2/x")));
    assertTrue(bearer.maySend(HttpUrl.get("https://API.example.test:443/other")));
    assertFalse(bearer.maySend(HttpUrl.get("http://api.example.test/v2/x")), "plain http");
    assertFalse(bearer.maySend(HttpUrl.get("https://api.example.test:8443/v2/x")), "port");
    assertFalse(bearer.maySend(HttpUrl.get("https://evil.example.test/v2/x")), "host");
    assertFalse(bearer.maySend(HttpUrl.get("https://api.example.test.evil.example/v2/x")));
    assertFalse(bearer.maySend(HttpUrl.get("http://files.example.test/x")), "plain http");
  }

  @Test
  void staleTokenRefusedAfterItWasReplacedIsRetriedWithoutANewFetch() throws Exception {
    PaxosApi paxos = builder(PaxosApi.class).build();
    PaxosApi other = builder(PaxosApi.class).build();
    paxos.transfers().execute(); // tok-1 cached
    api = token -> {
      if (!token.equals("tok-1")) {
        return null;
      }
      // While tok-1 is in flight, it expires and another client replaces it.
      api = t -> null;
      time.advance(Duration.ofHours(1));
      try {
        other.transfers().execute();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return status(401);
    };
    assertEquals(200, paxos.transfers().execute().code());
    assertEquals(2, tokenRequests.size(), "tok-1 and the replacement, nothing more");
    assertEquals(List.of("tok-1", "tok-1", "tok-2", "tok-2"), apiTokens);
  }

  @Test
  void refusedCurrentTokenIsReplacedOnceAndTheCallRetriedOnce() throws Exception {
    PaxosApi paxos = builder(PaxosApi.class).build();
    paxos.transfers().execute();
    api = token -> token.equals("tok-1") ? status(401) : null;
    assertEquals(200, paxos.transfers().execute().code());
    assertEquals(2, tokenRequests.size());
    assertEquals(List.of("tok-1", "tok-1", "tok-2"), apiTokens);
  }

  @Test
  void twentyCallsThatAllGet401CauseAtMostTwoTokenRequestsInTenSeconds() throws Exception {
    PaxosApi paxos = builder(PaxosApi.class).build();
    api = token -> status(401);
    for (int i = 0; i < 20; i++) {
      assertEquals(401, paxos.transfers().execute().code());
      time.advance(Duration.ofMillis(400));
    }
    assertEquals(2, tokenRequests.size());
    assertEquals(21, apiTokens.size(), "the first call was retried once, no other");
  }

  @Test
  void strongCustomerAuthentication401GoesToTheCallerWithoutAFetch() throws Exception {
    MangopayApi mangopay = builder(MangopayApi.class)
        .baseUrl(server.url("/v2.01/{clientId}/").toString())
        .build();
    mangopay.user("42").execute();
    api = token -> new MockResponse.Builder().code(401)
        .setHeader("WWW-Authenticate", "PendingUserAction RedirectUrl=https://sca.example.test/x")
        .body("{}").build();
    Response<Thing> response = mangopay.user("42").execute();
    assertEquals(401, response.code());
    assertEquals(1, tokenRequests.size());
    assertEquals(2, apiTokens.size());
  }

  @Test
  void mangopayBaseUrlCarriesTheClientIdAndBasicCredentials() throws Exception {
    MangopayApi mangopay = builder(MangopayApi.class)
        .credentials(ClientCredentials.of("acme corp", "api-key-api-key"))
        .baseUrl(server.url("/v2.01/{clientId}/").toString())
        .build();
    assertEquals("/v2.01/acme%20corp/users/42", mangopay.user("42").execute().body().name);
    assertEquals("Basic YWNtZSBjb3JwOmFwaS1rZXktYXBpLWtleQ==",
        tokenRequests.get(0).getHeaders().get("Authorization"));
    assertEquals("grant_type=client_credentials", tokenRequests.get(0).getBody().utf8());
  }

  @Test
  void tokenFailuresReachExecuteAndOnFailureAsTokenExceptions() throws Exception {
    tokenAnswer = new MockResponse.Builder().code(401)
        .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")
        .build();
    PaxosApi paxos = builder(PaxosApi.class).build();
    TokenRejectedException rejected =
        assertThrows(TokenRejectedException.class, () -> paxos.transfers().execute());
    assertEquals(Provider.PAXOS, rejected.provider());
    assertEquals(401, rejected.status());
    assertEquals("invalid_client", rejected.errorCode().orElseThrow());

    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    paxos.transfers().enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<Thing> call, Response<Thing> response) {
        failure.complete(null);
      }

      @Override
      public void onFailure(Call<Thing> call, Throwable t) {
        failure.complete(t);
      }
    });
    assertInstanceOf(TokenRejectedException.class, failure.get(10, TimeUnit.SECONDS));
    assertEquals(1, tokenRequests.size(), "the rejection was remembered, not asked again");
    assertEquals(0, apiTokens.size());
  }

  @Test
  void aTricklingTokenAnswerIsCancelledAtItsDeadlineAndTheNextAttemptServesTheCaller()
      throws Exception {
    // Headers at once, then one byte a second: no read timeout ever fires.
    tokenAnswer = new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"slow-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")
        .throttleBody(1, 1, TimeUnit.SECONDS)
        .build();
    PaxosApi paxos = builder(PaxosApi.class).build();
    long start = time.millis();
    Future<Response<Thing>> caller = callers.submit(() -> paxos.transfers().execute());
    awaitCondition(() -> tokenRequests.size() == 1 && time.nextTimerDue() != -1,
        "the first token request and its deadline");
    assertEquals(start + 10_000, time.nextTimerDue(), "the default 10 s deadline");
    tokenAnswer = null; // The endpoint heals; the trickling answer goes on.

    time.advance(Duration.ofSeconds(10)); // The deadline cancels the trickling request.
    assertEquals(1, tokenRequests.size());
    assertFalse(caller.isDone());
    time.advance(Duration.ofSeconds(1)); // The retry, after at most 1 s of backoff.

    Response<Thing> response = caller.get(20, TimeUnit.SECONDS);
    assertEquals(200, response.code());
    assertEquals(2, tokenRequests.size());
    assertEquals(List.of("tok-1"), apiTokens);
    assertEquals(200, paxos.transfers().execute().code());
    assertEquals(2, tokenRequests.size(), "the key is not wedged: its token is cached");
  }

  @Test
  void sixHangingKeysDoNotDelayAHealthyKeysFirstToken() throws Exception {
    hangs = request -> request.getBody().utf8().contains("client_id=hanging-");
    List<Future<Response<Thing>>> hanging = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      PaxosApi api = builder(PaxosApi.class)
          .credentials(ClientCredentials.of("hanging-" + i, "s3cret-s3cret-s3cret"))
          .build();
      hanging.add(callers.submit(() -> api.transfers().execute()));
    }
    awaitCondition(() -> tokenRequests.size() == 6, "six token requests in flight at once");

    PaxosApi healthy = builder(PaxosApi.class).build();
    Response<Thing> response = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> healthy.transfers().execute());

    assertEquals(200, response.code());
    assertEquals(7, tokenRequests.size());
    assertEquals(1, tokenAnswers.get(), "only the healthy key's request was answered");
    assertEquals(List.of("tok-1"), apiTokens);
    assertTrue(hanging.stream().noneMatch(Future::isDone), "the six are still waiting");

    tokenGate.countDown(); // The slow endpoint answers at last, and the six get their tokens.
    for (Future<Response<Thing>> call : hanging) {
      assertEquals(200, call.get(20, TimeUnit.SECONDS).code());
    }
    assertEquals(7, tokenRequests.size());
  }

  @Test
  void cancellingACallEndsItsWaitForAHangingTokenRequest() throws Exception {
    hangs = request -> true;
    PaxosApi paxos = builder(PaxosApi.class).build();
    Call<Thing> call = paxos.transfers();
    Future<Response<Thing>> caller = callers.submit(call::execute);
    awaitCondition(() -> tokenRequests.size() == 1, "the token request sent");

    call.cancel();
    ExecutionException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(ExecutionException.class, caller::get));

    InterruptedIOException cancelled =
        assertInstanceOf(InterruptedIOException.class, failure.getCause());
    assertEquals("The call was cancelled or reached its call timeout while waiting for a PAXOS"
        + " token; the token request goes on for other callers", cancelled.getMessage());
    assertEquals(0, tokenAnswers.get(), "the token request is still hanging");
    tokenGate.countDown();
    assertEquals(200, paxos.transfers().execute().code());
    assertEquals(1, tokenRequests.size(), "the same token request served the next call");
  }

  @Test
  void aCallTimeoutEndsTheWaitForAHangingTokenRequest() throws Exception {
    hangs = request -> true;
    OkHttpClient base = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(500)).build();
    PaxosApi paxos = builder(PaxosApi.class).okHttpClient(base).build();

    InterruptedIOException timeout = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(InterruptedIOException.class, () -> paxos.transfers().execute()));

    assertEquals("timeout", timeout.getMessage(), "OkHttp's own call timeout");
    InterruptedIOException waiting = assertInstanceOf(InterruptedIOException.class, timeout.getCause());
    assertTrue(waiting.getMessage().startsWith("The call was cancelled or reached its call timeout"
        + " while waiting for a PAXOS token"), waiting.getMessage());
    assertEquals(1, tokenRequests.size());
    assertEquals(0, tokenAnswers.get(), "the API's call timeout does not cut the token request");
    tokenGate.countDown();
    assertEquals(200, paxos.transfers().execute().code());
    assertEquals(1, tokenRequests.size());
  }

  private static void awaitCondition(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(1);
    }
  }

  @Test
  void tokenRedirectIsNeverFollowed() {
    tokenAnswer = new MockResponse.Builder().code(302)
        .setHeader("Location", server.url("/elsewhere/token").toString()).build();
    PaxosApi paxos = builder(PaxosApi.class).build();
    TokenResponseException e =
        assertThrows(TokenResponseException.class, () -> paxos.transfers().execute());
    assertEquals(302, e.status());
    assertEquals(1, server.getRequestCount(), "the redirect was not followed");
  }

  @Test
  void tokenRequestsSkipTheBaseClientsInterceptorsButShareItsPoolAndDispatcher() throws Exception {
    List<String> seen = new ArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.add(chain.request().url().encodedPath());
          return chain.proceed(chain.request());
        })
        .build();
    HandBuilder<PaxosApi> builder = builder(PaxosApi.class).okHttpClient(base);
    builder.build().transfers().execute();
    assertEquals(List.of("/v2/transfer/transfers"), seen, "the token request bypassed it");
    assertEquals(1, tokenRequests.size());

    OkHttpClient api = (OkHttpClient) builder.retrofit().callFactory();
    assertSame(base.connectionPool(), api.connectionPool());
    assertSame(base.dispatcher(), api.dispatcher());
    OkHttpClient token = HttpTokenFetcher.tokenClient(base);
    assertSame(base.connectionPool(), token.connectionPool());
    assertEquals(false, token.followRedirects());
    assertEquals(false, token.followSslRedirects());
    assertEquals(List.of(), token.interceptors());
  }

  @Test
  void runtimeSettingsOverrideTheAnnotation() {
    Retrofit production = new HandBuilder<>(PaxosApi.class).credentials(CREDENTIALS)
        .env(Env.PRODUCTION).tokenCache(cache).retrofit();
    assertEquals("https://api.paxos.com/v2/", production.baseUrl().toString());
    Retrofit sandbox = new HandBuilder<>(PaxosApi.class).credentials(CREDENTIALS)
        .tokenCache(cache).retrofit();
    assertEquals("https://api.sandbox.paxos.com/v2/", sandbox.baseUrl().toString());
  }

  @Test
  void builderMisuseFailsInBuildSayingWhatToSet() {
    IllegalStateException noCredentials = assertThrows(IllegalStateException.class,
        () -> new HandBuilder<>(PaxosApi.class).build());
    assertEquals("credentials are required: call credentials(ClientCredentials.fromEnvironment("
        + "Provider.PAXOS)) or credentials(ClientCredentials.of(clientId, secret))",
        noCredentials.getMessage());

    IllegalArgumentException plainHttp = assertThrows(IllegalArgumentException.class,
        () -> builder(PaxosApi.class).baseUrl("http://api.example.test/v2/").build());
    assertTrue(plainHttp.getMessage().startsWith("baseUrl must use https"), plainHttp.getMessage());

    IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
        () -> builder(PaxosApi.class).tokenUrl("https://user:hunter2-pass@auth.example.test/t")
            .build());
    assertEquals("tokenUrl must not carry user:password; pass credentials with"
        + " credentials(ClientCredentials.of(clientId, secret))", userInfo.getMessage());

    IllegalStateException papaya = assertThrows(IllegalStateException.class,
        () -> new HandBuilder<>(PapayaApi.class).credentials(CREDENTIALS).build());
    assertEquals("PAPAYA_GLOBAL publishes no PRODUCTION API base URL: call"
        + " baseUrl(\"https://.../\") on the builder", papaya.getMessage());
    IllegalStateException papayaToken = assertThrows(IllegalStateException.class,
        () -> new HandBuilder<>(PapayaApi.class).credentials(CREDENTIALS)
            .baseUrl("https://papaya.example.test/").build());
    assertTrue(papayaToken.getMessage().startsWith("PAPAYA_GLOBAL publishes no PRODUCTION token URL"));

    IllegalStateException custom = assertThrows(IllegalStateException.class,
        () -> new HandBuilder<>(CustomWithoutStyle.class).credentials(CREDENTIALS).build());
    assertTrue(custom.getMessage().contains("a CUSTOM provider needs an auth style"));

    IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
        () -> builder(PaxosApi.class).baseUrl(server.url("/v2").toString()).build());
    assertTrue(slash.getMessage().startsWith("baseUrl must end in /"), slash.getMessage());

    IllegalStateException clockAndCache = assertThrows(IllegalStateException.class,
        () -> builder(PaxosApi.class).clock(java.time.Clock.systemUTC()).build());
    assertTrue(clockAndCache.getMessage().contains("set the clock on the TokenCache"));

    IllegalStateException papayaOnly = assertThrows(IllegalStateException.class,
        () -> builder(PaxosApi.class).tokenName("x").build());
    assertTrue(papayaOnly.getMessage().contains("apply only to the JSON_API_KEY style"));

    IllegalArgumentException colon = assertThrows(IllegalArgumentException.class,
        () -> builder(MangopayApi.class).credentials(ClientCredentials.of("a:b", "key-key"))
            .baseUrl(server.url("/v2.01/{clientId}/").toString()).build());
    assertTrue(colon.getMessage().contains("contains ':'"), colon.getMessage());
  }

  /** Loopback is parsed, not prefix-matched: each of these is a DNS name that may be anywhere. */
  @ParameterizedTest
  @ValueSource(strings = {"127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example",
      "[::1].evil", "localhost.", "0177.0.0.1", "2130706433"})
  void plainHttpToAHostThatOnlyLooksLikeLoopbackIsRefused(String host) {
    for (String setting : List.of("baseUrl", "tokenUrl")) {
      HandBuilder<PaxosApi> builder = builder(PaxosApi.class);
      if (setting.equals("baseUrl")) {
        builder.baseUrl("http://" + host + "/v2/?key=s3cret-in-query");
      } else {
        builder.tokenUrl("http://" + host + "/token?key=s3cret-in-query");
      }
      String message;
      try {
        builder.build();
        throw new AssertionError(setting + " http://" + host + " was accepted");
      } catch (IllegalArgumentException expected) {
        message = expected.getMessage();
      }
      if (host.equals("[::1].evil")) {
        // Not even a URL: OkHttp refuses the bracketed name before the loopback rule looks.
        assertTrue(message.startsWith(setting + " is not an absolute http(s) URL"), message);
      } else {
        assertTrue(message.startsWith(setting + " must use https (plain http is allowed only for"
            + " localhost, 127.0.0.0/8 and ::1): http://"), message);
      }
      assertFalse(message.contains("s3cret-in-query"), message);
    }
    assertEquals(0, server.getRequestCount(), "nothing was sent anywhere");
  }

  @Test
  void plainHttpToLoopbackLiteralsAndLocalhostIsAllowed() {
    for (String host : List.of("127.0.0.1", "127.8.9.10", "localhost", "[::1]")) {
      new HandBuilder<>(PaxosApi.class).credentials(CREDENTIALS).tokenCache(cache)
          .baseUrl("http://" + host + ":1/v2/").tokenUrl("http://" + host + ":1/token").build();
    }
  }

  @Test
  void droppedClientsLeaveNoNonDaemonThreadBehind() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    TokenCache realTime = TokenCache.create(); // the real shared scheduler
    for (int i = 0; i < 50; i++) {
      PaxosApi paxos = new HandBuilder<>(PaxosApi.class)
          .credentials(ClientCredentials.of("client-" + i, "s3cret-s3cret-s3cret"))
          .tokenCache(realTime)
          .tokenUrl(server.url("/oauth2/token").toString())
          .baseUrl(server.url("/v2/").toString())
          .build();
      assertEquals(200, paxos.transfers().execute().code());
    }
    assertEquals(50, tokenRequests.size());
    server.close();
    Set<String> leaked = Set.of();
    for (int i = 0; i < 100; i++) {
      leaked = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
          .filter(t -> !t.getName().startsWith("MockWebServer")) // the test's server, winding down
          .map(Thread::getName)
          .collect(Collectors.toSet());
      if (leaked.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    }
    assertEquals(Set.of(), leaked);
    long refreshThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tokenwise-refresh-"))
        .peek(t -> assertTrue(t.isDaemon(), t.getName()))
        .count();
    assertTrue(refreshThreads <= 4, "one small shared pool, not a thread per client");
  }

  @Test
  void tokenwiseCreateExplainsAMissingGeneratedClient() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Tokenwise.create(PaxosApi.class, CREDENTIALS));
    assertTrue(e.getMessage().startsWith("No generated client"
        + " io.tokenwise.ClientGlueTest_PaxosApiClient for io.tokenwise.ClientGlueTest$PaxosApi."
        + " Likely causes: the Tokenwise processor is not on the annotation processor path"),
        e.getMessage());
    assertTrue(e.getMessage().contains("-proc:full"));
    IllegalArgumentException notAnnotated = assertThrows(IllegalArgumentException.class,
        () -> Tokenwise.create(Runnable.class, CREDENTIALS));
    assertTrue(notAnnotated.getMessage().contains("is not annotated @TokenEndpoint"));
  }
}
