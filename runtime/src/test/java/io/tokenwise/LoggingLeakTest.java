package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.http.GET;

/**
 * Every log level on — Tokenwise's loggers, the JUL root, OkHttp's {@link HttpLoggingInterceptor}
 * at BODY as both application and network interceptor of the user's base client — through a
 * happy path, refresh ahead, a 401 retry, token rejections, 5xx retries with and without a usable
 * token, and malformed token responses for every provider; then every captured line, every
 * exception's text and every {@code toString()} the user could see is scanned for the secrets,
 * client ids and issued tokens.
 */
final class LoggingLeakTest {
  @TokenEndpoint(provider = Provider.PAXOS, scopes = {"transfer:read_transfer"})
  interface PaxosApi {
    @GET("things")
    Call<Thing> things();
  }

  @TokenEndpoint(provider = Provider.MANGOPAY)
  interface MangopayApi {
    @GET("things")
    Call<Thing> things();
  }

  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface PayswayApi {
    @GET("things")
    Call<Thing> things();
  }

  @TokenEndpoint(provider = Provider.PAPAYA_GLOBAL)
  interface PapayaApi {
    @GET("things")
    Call<Thing> things();
  }

  @TokenEndpoint(provider = Provider.CUSTOM, authStyle = AuthStyle.CLIENT_SECRET_BASIC,
      scopes = {"read"})
  interface CustomApi {
    @GET("things")
    Call<Thing> things();
  }

  /** An API answer. */
  static final class Thing {
    String name;
  }

  /** What each provider's test needs: its interface and credentials. */
  private record Setup(Class<?> api, ClientCredentials credentials) {}

  private static final Map<Provider, Setup> SETUPS = new EnumMap<>(Map.of(
      Provider.PAXOS, new Setup(PaxosApi.class,
          ClientCredentials.of("paxos-leak-client-7f3", "pX-s3cr+t&x=1%/ \"q\\:\u00e9")),
      Provider.MANGOPAY, new Setup(MangopayApi.class,
          ClientCredentials.of("mangoleakclient42", "mango-api-key-9Qw")),
      Provider.PAYSWAY, new Setup(PayswayApi.class,
          ClientCredentials.of("paysway-leak-client", "pw/secret with spaces")),
      Provider.PAPAYA_GLOBAL, new Setup(PapayaApi.class,
          ClientCredentials.of("papaya-api-key-Lk2", "papaya-client-s3cret")),
      Provider.CUSTOM, new Setup(CustomApi.class,
          ClientCredentials.of("custom:leak id", "cu$tom-secret"))));

  private final VirtualTime time = new VirtualTime();
  private final Random random = new Random(7);
  private MockWebServer server;
  /** Every token the server handed out, well-formed or not: none may show up anywhere. */
  private final Set<String> issuedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<Provider, Queue<Function<String, MockResponse>>> tokenScript =
      new EnumMap<>(Provider.class);
  private final Map<Provider, AtomicInteger> refuseApiCalls = new EnumMap<>(Provider.class);

  // What the scan reads.
  private final List<String> julLines = new CopyOnWriteArrayList<>();
  private final List<String> appInterceptorLines = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream consoleCopy = new ByteArrayOutputStream();
  private final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      julLines.add(record.getLoggerName() + " " + record.getLevel() + " "
          + formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private PrintStream originalOut;
  private PrintStream originalErr;
  private Level originalRootLevel;
  private final List<Logger> tuned = new ArrayList<>();
  private final Map<Handler, Level> mutedHandlers = new java.util.HashMap<>();

  @BeforeEach
  void turnEveryLevelOn() throws IOException {
    Logger root = LogManager.getLogManager().getLogger("");
    originalRootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    capture.setLevel(Level.ALL);
    for (String name : List.of("io.tokenwise", "okhttp3", "mockwebserver3")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      tuned.add(logger); // JUL holds loggers weakly: keep the tuned ones alive
    }
    for (Handler console : root.getHandlers()) {
      if (console != capture) {
        mutedHandlers.put(console, console.getLevel());
        console.setLevel(Level.OFF); // keep the build's output readable; records are captured
      }
    }
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));

    for (Provider provider : SETUPS.keySet()) {
      tokenScript.put(provider, new ConcurrentLinkedQueue<>());
      refuseApiCalls.put(provider, new AtomicInteger());
    }
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String[] segments = request.getUrl().encodedPath().split("/");
        Provider provider = Provider.valueOf(segments[1]);
        if (segments[2].equals("token")) {
          Function<String, MockResponse> scripted = tokenScript.get(provider).poll();
          return scripted != null
              ? scripted.apply(newToken(false))
              : issue(provider, newToken(provider == Provider.PAPAYA_GLOBAL));
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || refuseApiCalls.get(provider).getAndDecrement() > 0) {
          return new MockResponse.Builder().code(401)
              .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
              .body("{\"error\":\"invalid_token\"}").build();
        }
        return new MockResponse.Builder().setHeader("Content-Type", "application/json")
            .body("{\"name\":\"thing of " + provider + "\"}").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger root = LogManager.getLogManager().getLogger("");
    root.removeHandler(capture);
    mutedHandlers.forEach(Handler::setLevel);
    root.setLevel(originalRootLevel);
    tuned.forEach(logger -> logger.setLevel(null));
    server.close();
    time.close();
  }

  @Test
  void noSecretClientIdOrTokenReachesAnyLogMessageOrToString() throws Exception {
    HttpLoggingInterceptor application = new HttpLoggingInterceptor(appInterceptorLines::add);
    application.setLevel(HttpLoggingInterceptor.Level.BODY);
    // OkHttp's default logger: java.util.logging, captured by the root handler.
    HttpLoggingInterceptor network = new HttpLoggingInterceptor();
    network.setLevel(HttpLoggingInterceptor.Level.BODY);
    OkHttpClient usersClient = new OkHttpClient.Builder()
        .addInterceptor(application)
        .addNetworkInterceptor(network)
        .build();

    for (Provider provider : SETUPS.keySet()) {
      runLifecycle(provider, usersClient);
    }

    List<String> networkLines = julLines.stream()
        .filter(line -> line.startsWith("okhttp3.OkHttpClient ")).toList();
    String everything = String.join("\n", julLines) + "\n" + String.join("\n", appInterceptorLines)
        + "\n" + String.join("\n", seen) + "\n" + consoleCopy.toString(StandardCharsets.UTF_8);

    // The capture is real: the lifecycle was logged and both interceptors printed bodies.
    for (Provider provider : SETUPS.keySet()) {
      for (String event : List.of("] fetched token sha256:", "] refreshing ahead of expiry;",
          "] refreshed token sha256:", "after 2 failed requests", "refused with 401 and invalidated",
          "refused with 401 only", "current token still served", "failed 3 times, giving up",
          "token request rejected after")) {
        assertTrue(julLines.stream().anyMatch(line -> line.startsWith("io.tokenwise.TokenCache ")
                && line.contains(provider + " [key sha256:") && line.contains(event)),
            provider + ": no log line with \"" + event + "\"");
      }
    }
    assertTrue(networkLines.stream().anyMatch(line -> line.contains("Authorization: ██")),
        "the network interceptor saw the bearer header and printed it redacted");
    assertTrue(networkLines.stream().anyMatch(line -> line.contains("thing of PAPAYA_GLOBAL")),
        "the network interceptor logged response bodies");
    assertTrue(appInterceptorLines.stream().anyMatch(line -> line.contains("thing of PAXOS")),
        "the application interceptor logged response bodies");
    assertTrue(appInterceptorLines.stream().noneMatch(line -> line.startsWith("Authorization")),
        "application interceptors run before the bearer header is added");
    assertTrue(julLines.stream().anyMatch(line -> line.contains("redacting Authorization")));
    assertTrue(issuedTokens.size() > 60, "tokens issued: " + issuedTokens.size());

    List<String> hits = new ArrayList<>();
    for (String sensitive : sensitiveStrings()) {
      int at = everything.indexOf(sensitive);
      if (at >= 0) {
        hits.add(sensitive + " in: " + everything.substring(Math.max(0, at - 150),
            Math.min(everything.length(), at + sensitive.length() + 50)));
      }
    }
    // Mangopay puts the client id into every API path by design: allowed there, nowhere else.
    String mangopayId = SETUPS.get(Provider.MANGOPAY).credentials().clientId();
    if (everything.replace("/" + mangopayId + "/", "/{clientId}/").contains(mangopayId)) {
      hits.add(mangopayId + " (outside an API path)");
    }
    assertEquals(List.of(), hits, "secrets, client ids or tokens in the captured output");
  }

  /**
   * The scan can fail: a network HttpLoggingInterceptor that nobody told to redact prints a
   * bearer header, and the same scan finds it.
   */
  @Test
  void anUnredactedNetworkLoggerWouldPrintTheBearerToken() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpLoggingInterceptor network = new HttpLoggingInterceptor(lines::add);
    network.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    OkHttpClient plain = new OkHttpClient.Builder().addNetworkInterceptor(network).build();
    String token = newToken(false);
    try (okhttp3.Response response = plain.newCall(new Request.Builder()
        .url(server.url("/PAXOS/api/things")).header("Authorization", "Bearer " + token).build())
        .execute()) {
      assertEquals(200, response.code());
    }
    assertTrue(String.join("\n", lines).contains(token));

    ClientBuilder.redactBearerInNetworkLogs(plain);
    lines.clear();
    try (okhttp3.Response response = plain.newCall(new Request.Builder()
        .url(server.url("/PAXOS/api/things")).header("Authorization", "Bearer " + token).build())
        .execute()) {
      assertEquals(200, response.code());
    }
    assertTrue(lines.contains("Authorization: ██"), String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(line -> line.contains(token)));
  }

  private void runLifecycle(Provider provider, OkHttpClient usersClient) throws Exception {
    Setup setup = SETUPS.get(provider);
    TokenCache cache = TokenCache.builder().clock(time).scheduler(time)
        .minRequestInterval(Duration.ZERO).maxBackoff(Duration.ofSeconds(2))
        .rejectionMemory(Duration.ZERO)
        // expectFailure moves virtual time while real loopback exchanges run: deadlines it could
        // pass on a loaded machine would turn the failure under test into a timeout.
        .waitTimeout(Duration.ofHours(1)).tokenRequestTimeout(Duration.ofHours(1)).build();
    HandBuilder<?> builder = new HandBuilder<>(setup.api())
        .credentials(setup.credentials())
        .tokenUrl(server.url("/" + provider + "/token").toString())
        .baseUrl(server.url("/" + provider + "/api/").toString())
        .okHttpClient(usersClient)
        .tokenCache(cache);
    if (provider == Provider.MANGOPAY) {
      builder.baseUrl(server.url("/" + provider + "/api/{clientId}/").toString());
    }
    Object service = builder.build();
    seen.add(String.valueOf(service));
    seen.add(setup.credentials().toString());
    Call<Thing> call;

    // Happy path, then refresh ahead (1 h tokens: past 85 % of the lifetime).
    expectOk(things(service));
    time.advance(Duration.ofMinutes(52));
    expectOk(things(service));
    time.awaitIdle();
    expectOk(things(service));

    // A 401 on the cached token: invalidated, fetched anew, retried once; a second 401 soon
    // after goes to the caller.
    refuseApiCalls.get(provider).set(1);
    expectOk(things(service));
    refuseApiCalls.get(provider).set(1);
    call = things(service);
    Response<Thing> refused = call.execute();
    assertEquals(401, refused.code());
    see(call, refused);

    // 5xx retries while the token is usable: the current token keeps being served.
    time.advance(Duration.ofMinutes(52));
    script(provider, token -> status(503, "{\"error\":\"temporarily_unavailable\"}", "1"),
        token -> status(500, "<html>Internal error for client_id=" + setup.credentials().clientId()
            + "&client_secret=" + formEncode(setup.credentials().secret()) + "</html>", null));
    expectOk(things(service));
    time.awaitIdle();
    while (time.nextTimerDue() != -1) {
      time.advance(Duration.ofSeconds(1));
    }
    expectOk(things(service));

    // 5xx with no usable token: the caller gets a typed failure after three tries.
    cache.invalidateAll();
    for (int i = 0; i < TokenEntry.ATTEMPTS_WITHOUT_TOKEN; i++) {
      script(provider, token -> status(503, jsonObject("error", "server_error",
          "error_description", "no token for " + setup.credentials().clientId() + " / "
              + setup.credentials().secret()), "1"));
    }
    expectFailure(provider, things(service), TokenEndpointUnavailableException.class);
    time.advance(Duration.ofMinutes(1)); // past the remembered failure

    // Rejections: the provider echoes the credentials back.
    String echo = "client " + setup.credentials().clientId() + " with secret "
        + setup.credentials().secret();
    script(provider, token -> status(401, jsonObject("error", "invalid_client",
        "error_description", echo, "Message", echo, "message", echo), null));
    expectFailure(provider, things(service), TokenRejectedException.class);
    script(provider, token -> status(400, "grant_type=client_credentials&client_id="
        + formEncode(setup.credentials().clientId()) + "&client_secret="
        + formEncode(setup.credentials().secret()), null));
    expectFailure(provider, things(service), TokenRejectedException.class);
    script(provider, token -> status(403, jsonObject("error", echo), null));
    expectFailureAsync(provider, things(service), TokenRejectedException.class);

    // Malformed answers, each carrying a token that must not be quoted.
    List<Function<String, MockResponse>> malformed = List.of(
        token -> status(200, "access_token=" + token + "&token=" + token + "&expires_in=3600", null),
        token -> status(200, "\"" + token + "\"", null),
        token -> status(200, "{\"access_token\":\"" + token + "\",\"token\":\"" + token, null),
        token -> status(200, jsonObject("access_token", token + " " + token,
            "token", token + " " + token), null),
        token -> status(200, "{\"access_token\":\"" + token + "\",\"token\":\"" + token
            + "\",\"expires_in\":-5,\"valid_until\":\"2001-01-01T00:00Z\"}", null),
        token -> status(200, "{\"access_token\":\"" + token + "\",\"token\":\"" + token
            + "\",\"expires_in\":\"3600d\",\"valid_until\":\"tomorrow\"}", null),
        token -> status(200, "{\"access_token\":\"" + token + "\",\"access_token\":\"" + token
            + "\",\"token\":\"" + token + "\",\"token\":\"" + token + "\"}", null),
        token -> status(200, "[\"" + token + "\"]", null),
        token -> new MockResponse.Builder().code(302).setHeader("Location",
            "https://elsewhere.example/cb?client_secret=" + formEncode(setup.credentials().secret())
                + "&access_token=" + token).build(),
        token -> status(418, "{\"token\":\"" + token + "\",\"secret\":\""
            + setup.credentials().secret().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}",
            null));
    for (Function<String, MockResponse> answer : malformed) {
      script(provider, answer);
      expectFailure(provider, things(service), TokenException.class);
    }
    if (provider != Provider.PAPAYA_GLOBAL) {
      script(provider, token -> status(200, "{\"access_token\":\"" + token
          + "\",\"token_type\":\"mac\",\"expires_in\":3600}", null));
      expectFailure(provider, things(service), TokenResponseException.class);
    }
    if (provider == Provider.PAXOS) {
      script(provider, token -> status(200, "{\"access_token\":\"" + token
          + "\",\"token_type\":\"bearer\",\"expires_in\":3600,\"scope\":\"funding:read_profile\"}",
          null));
      expectFailure(provider, things(service), InsufficientScopeException.class);
    }

    // And back to normal.
    expectOk(things(service));
    seen.add(cache.toString());
    assertTrue(tokenScript.get(provider).isEmpty(), "every scripted answer was used");
  }

  private static Call<Thing> things(Object service) {
    if (service instanceof PaxosApi api) {
      return api.things();
    } else if (service instanceof MangopayApi api) {
      return api.things();
    } else if (service instanceof PayswayApi api) {
      return api.things();
    } else if (service instanceof PapayaApi api) {
      return api.things();
    }
    return ((CustomApi) service).things();
  }

  private void expectOk(Call<Thing> call) throws IOException {
    Response<Thing> response = call.execute();
    see(call, response);
    assertEquals(200, response.code(), response.toString());
  }

  /** Executes {@code call} while moving virtual time, so that scheduled retries happen. */
  private void expectFailure(Provider provider, Call<Thing> call,
      Class<? extends TokenException> type) throws Exception {
    CompletableFuture<Response<Thing>> result = CompletableFuture.supplyAsync(() -> {
      try {
        return call.execute();
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    for (int i = 0; i < 600 && !result.isDone(); i++) {
      Thread.sleep(5);
      time.advance(Duration.ofMillis(500));
    }
    try {
      Response<Thing> response = result.get(30, TimeUnit.SECONDS);
      fail(provider + ": expected " + type.getSimpleName() + ", got " + response);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable failure = e.getCause();
      see(failure);
      assertInstanceOf(type, failure, provider + ": " + failure);
      assertEquals(provider, ((TokenException) failure).provider());
    }
    seen.add(call.request().toString());
  }

  private void expectFailureAsync(Provider provider, Call<Thing> call,
      Class<? extends TokenException> type) throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<Thing> call, Response<Thing> response) {
        failure.completeExceptionally(new AssertionError("expected a failure: " + response));
      }

      @Override
      public void onFailure(Call<Thing> call, Throwable t) {
        failure.complete(t);
      }
    });
    Throwable t = failure.get(30, TimeUnit.SECONDS);
    see(t);
    assertInstanceOf(type, t, provider + ": " + t);
  }

  private void see(Call<Thing> call, Response<Thing> response) throws IOException {
    seen.add(call.toString());
    seen.add(call.request().toString());
    seen.add(response.toString());
    seen.add(response.raw().toString());
    seen.add(response.raw().request().toString());
    seen.add(response.raw().request().headers().toString());
    seen.add(response.headers().toString());
    seen.add(String.valueOf(response.body() == null ? null : response.body().name));
    if (response.errorBody() != null) {
      seen.add(response.errorBody().string());
    }
  }

  /** Everything a user could print of a failure: message, toString, fields, trace, causes. */
  private void see(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    seen.add(trace.toString());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      seen.add(String.valueOf(t.getMessage()));
      seen.add(String.valueOf(t.getLocalizedMessage()));
      seen.add(t.toString());
      if (t instanceof TokenResponseException e) {
        seen.add(e.bodyExcerpt());
      } else if (t instanceof TokenRejectedException e) {
        seen.add(e.errorCode() + " " + e.errorMessage());
      } else if (t instanceof TokenEndpointUnavailableException e) {
        seen.add(e.status() + " " + e.retryAfter());
      } else if (t instanceof InsufficientScopeException e) {
        seen.add(e.missingScopes() + " " + e.grantedScopes());
      }
    }
  }

  @SafeVarargs
  private void script(Provider provider, Function<String, MockResponse>... answers) {
    for (Function<String, MockResponse> answer : answers) {
      tokenScript.get(provider).add(answer);
    }
  }

  /**
   * A fresh token of 22 characters, like RFC 6749's sample (too short for any "looks like a
   * token" heuristic), or a JWT whose subject is such a token.
   */
  private String newToken(boolean jwt) {
    StringBuilder token = new StringBuilder();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    synchronized (random) {
      for (int i = 0; i < 22; i++) {
        token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    String value = jwt
        ? TokenEndpointFixture.jwt("{\"sub\":\"" + token + "\",\"exp\":"
            + (time.instant().getEpochSecond() + 3600) + "}")
        : token.toString();
    issuedTokens.add(value);
    issuedTokens.add(token.toString());
    return value;
  }

  private MockResponse issue(Provider provider, String token) {
    if (provider == Provider.PAPAYA_GLOBAL) {
      Instant validUntil = time.instant().plus(Duration.ofHours(1));
      return status(201, jsonObject("token", token, "valid_until",
          validUntil.toString().substring(0, 16) + "Z", "token_name", "leak-test"), null);
    }
    String scope = provider == Provider.PAXOS ? ",\"scope\":\"transfer:read_transfer\"" : "";
    return status(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":3600" + scope + "}", null);
  }

  private static MockResponse status(int code, String body, String retryAfter) {
    MockResponse.Builder response = new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/json").body(body);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    return response.build();
  }

  private static String jsonObject(String... pairs) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":\"")
          .append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return json.append('}').toString();
  }

  private static String formEncode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Secrets, client ids and tokens, in every encoding they could be echoed in. */
  private Set<String> sensitiveStrings() {
    Set<String> all = new LinkedHashSet<>();
    for (Map.Entry<Provider, Setup> entry : SETUPS.entrySet()) {
      ClientCredentials credentials = entry.getValue().credentials();
      all.addAll(TokenEndpointFixture.disguises(credentials.secret()));
      if (entry.getKey() != Provider.MANGOPAY) {
        all.addAll(TokenEndpointFixture.disguises(credentials.clientId()));
      }
      String pair = credentials.clientId() + ":" + credentials.secret();
      all.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      String formPair = formEncode(credentials.clientId()) + ":" + formEncode(credentials.secret());
      all.add(Base64.getEncoder().encodeToString(formPair.getBytes(StandardCharsets.UTF_8)));
    }
    for (String token : issuedTokens) {
      all.addAll(TokenEndpointFixture.disguises(token));
    }
    return all;
  }

  private PrintStream tee(PrintStream original) {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (consoleCopy) {
          consoleCopy.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (consoleCopy) {
          consoleCopy.write(bytes, offset, length);
        }
      }
    }, true, StandardCharsets.UTF_8);
  }
}
