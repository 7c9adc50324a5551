package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.CLIENT_ID;
import static io.tokenwise.TokenEndpointFixture.NOW;
import static io.tokenwise.TokenEndpointFixture.PAXOS_SCOPES;
import static io.tokenwise.TokenEndpointFixture.SECRET;
import static io.tokenwise.TokenEndpointFixture.TOKEN;
import static io.tokenwise.TokenEndpointFixture.disguises;
import static io.tokenwise.TokenEndpointFixture.fetcher;
import static io.tokenwise.TokenEndpointFixture.json;
import static io.tokenwise.TokenEndpointFixture.jwt;
import static io.tokenwise.TokenEndpointFixture.providerExchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tokenwise.TokenResponseReader.ProviderError;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad token responses, each mapped to its typed exception and the fields a caller reads, with a
 * check that no text of any failure carries the secret, the client id or a token; and the usable
 * responses next to them, each with its exact expiry under the fixed clock.
 */
final class TokenResponseCorpusTest {
  /** A JWT expiring at 08:00:00Z whose subject is the client id. */
  private static final String JWT_TOKEN =
      jwt("{\"sub\":\"acme-client-Zx9\",\"exp\":1720684800}");
  private static final String OTHER_TOKEN = "tGzv3JOkF0XG5Qx2TlKWIA";
  private static final String SPACED_TOKEN = "2YotnFZ FEjr1zCs";
  private static final String NEWLINE_TOKEN = "2YotnFZFEjr1\nzCsicMWpAA";
  /** Everything that must never reach a message, an excerpt or an error field. */
  private static final List<String> SENSITIVE =
      List.of(SECRET, CLIENT_ID, TOKEN, JWT_TOKEN, OTHER_TOKEN, SPACED_TOKEN, NEWLINE_TOKEN);

  private static final String SECRET_JSON = "s3cr+t&x=1%/ \\\"q\\\\:\u00e9\u6f22";
  private static final String SECRET_FORM = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
  /** A usable answer queued after every bad one: a follow-up request would take it. */
  private static final String TRAP =
      "{\"access_token\":\"" + OTHER_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";

  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = TokenEndpointFixture.startLoopbackServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** One bad answer, the exception it must become, and what that exception must carry. */
  record BadResponse<E extends TokenException>(
      String name,
      Provider provider,
      Function<MockWebServer, MockResponse> response,
      Class<E> type,
      Consumer<E> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static <E extends TokenException> BadResponse<E> bad(String name, Provider provider,
      MockResponse response, Class<E> type, Consumer<E> check) {
    return new BadResponse<>(name, provider, server -> response, type, check);
  }

  private static BadResponse<TokenResponseException> unusable(
      String name, Provider provider, int status, String body, String problem) {
    return bad(name, provider, json(status, body), TokenResponseException.class, e -> {
      assertEquals(status, e.status());
      assertMessageContains(e, problem);
    });
  }

  private static BadResponse<TokenRejectedException> rejected(String name, Provider provider,
      MockResponse response, int status, String code, String message) {
    return bad(name, provider, response, TokenRejectedException.class, e -> {
      assertEquals(status, e.status());
      assertEquals(Optional.ofNullable(code), e.errorCode());
      assertEquals(Optional.ofNullable(message), e.errorMessage());
      assertMessageContains(e, "rejected the request (HTTP " + status);
    });
  }

  private static BadResponse<TokenEndpointUnavailableException> unavailable(String name,
      Provider provider, MockResponse response, int status, Duration retryAfter) {
    return bad(name, provider, response, TokenEndpointUnavailableException.class, e -> {
      assertEquals(OptionalInt.of(status), e.status());
      assertEquals(Optional.ofNullable(retryAfter), e.retryAfter());
      assertMessageContains(e, "unavailable (HTTP " + status);
    });
  }

  private static BadResponse<TokenResponseException> redirect(int status, boolean withLocation) {
    return new BadResponse<>(status + " redirect" + (withLocation ? "" : " without Location"),
        Provider.PAXOS,
        server -> {
          MockResponse.Builder response = new MockResponse.Builder().code(status);
          if (withLocation) {
            // Same server: were the redirect followed, the trap answer would be taken.
            response.setHeader("Location", server.url("/stolen?secret=" + SECRET_FORM));
          }
          return response.build();
        },
        TokenResponseException.class,
        e -> {
          assertEquals(status, e.status());
          assertEquals("", e.bodyExcerpt());
          assertMessageContains(e, "never follows a token endpoint's redirect");
          // The host only (the test server's name for loopback), never the URL with its query.
          assertMessageContains(e, withLocation ? "redirecting to " : "redirecting to nowhere");
          assertFalse(e.getMessage().contains("stolen"), e.getMessage());
        });
  }

  private static MockResponse html(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }

  static Stream<BadResponse<?>> corpus() {
    String ok = "\"token_type\":\"bearer\",\"expires_in\":3600";
    String huge = "{\"access_token\":\"" + TOKEN + "\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
    return Stream.of(
        // 2xx without a usable token.
        bad("HTML page with 200", Provider.PAXOS, html(200,
            "<!doctype html><html><body><p>Signed in as acme-client-Zx9</p><script>var token=\""
                + JWT_TOKEN + "\"; var secret=\"" + SECRET_JSON + "\";</script></body></html>"),
            TokenResponseException.class, e -> {
              assertEquals(200, e.status());
              assertMessageContains(e, "its body is not JSON");
              assertTrue(e.bodyExcerpt().startsWith("<!doctype html><html><body><p>Signed in as"),
                  e.bodyExcerpt());
            }),
        bad("empty body with 200", Provider.PAXOS, json(200, ""),
            TokenResponseException.class, e -> {
              assertMessageContains(e, "its body is empty");
              assertEquals("", e.bodyExcerpt());
            }),
        unusable("truncated JSON", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":36",
            "its body is not JSON"),
        unusable("JSON array", Provider.PAYSWAY, 200,
            "[{\"access_token\":\"" + TOKEN + "\"," + ok + "}]", "its body is JSON an array, not an object"),
        unusable("JSON string", Provider.PAYSWAY, 200, "\"" + TOKEN + "\"", "not an object"),
        unusable("JSON null", Provider.PAYSWAY, 200, "null", "its body is JSON null, not an object"),
        bad("huge body (> 64 KiB) with 200", Provider.PAXOS, json(200, huge),
            TokenResponseException.class, e -> {
              assertMessageContains(e, "larger than 64 KiB");
              assertTrue(e.bodyExcerpt().length() < 300, e.bodyExcerpt());
            }),
        unusable("missing access_token", Provider.PAYSWAY, 200,
            "{\"token\":\"" + TOKEN + "\"," + ok + "}", "it has no access_token"),
        unusable("OAuth error object with 200", Provider.PAXOS, 200,
            "{\"error\":\"invalid_scope\",\"error_description\":\"scope unknown\"}",
            "it has no access_token"),
        unusable("200 OAuth error echoing the secret, escaped to ASCII", Provider.PAYSWAY, 200,
            "{\"error\":\"invalid_client\",\"error_description\":\"secret"
                + " s3cr+t&x=1%\\/ \\\"q\\\\:\\u00e9\\u6F22 is unknown\"}",
            "it has no access_token"),
        bad("200 debug page echoing the request", Provider.PAXOS, html(200,
            "<pre>POST /oauth2/token\ngrant_type=client_credentials&client_id=" + CLIENT_ID
                + "&client_secret=" + SECRET_FORM.replace("+", "%20") + "</pre>"),
            TokenResponseException.class, e -> {
              assertMessageContains(e, "its body is not JSON");
              assertTrue(e.bodyExcerpt().startsWith("<pre>POST /oauth2/token grant_type="),
                  e.bodyExcerpt());
            }),
        unusable("access_token a number", Provider.PAYSWAY, 200,
            "{\"access_token\":20240711," + ok + "}",
            "access_token is the number 2.0240711E7, not a non-empty string"),
        unusable("access_token empty", Provider.PAYSWAY, 200,
            "{\"access_token\":\"\"," + ok + "}", "access_token is \"\", not a non-empty string"),
        unusable("access_token with a space", Provider.MANGOPAY, 200,
            "{\"access_token\":\"" + SPACED_TOKEN + "\"," + ok + "}",
            "access_token contains a space, control or non-ASCII character"),
        unusable("access_token with a newline", Provider.MANGOPAY, 200,
            "{\"access_token\":\"2YotnFZFEjr1\\nzCsicMWpAA\"," + ok + "}",
            "access_token contains a space, control or non-ASCII character"),
        unusable("token_type mac", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"mac\",\"expires_in\":3600}",
            "token_type is \"mac\", not bearer"),
        unusable("token_type a number", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":1,\"expires_in\":3600}",
            "token_type is the number 1.0, not bearer"),
        unusable("expires_in negative", Provider.MANGOPAY, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":-3600}",
            "expires_in the number -3600.0 is not a lifetime"),
        unusable("expires_in zero", Provider.MANGOPAY, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":0}",
            "expires_in the number 0.0 is not a lifetime"),
        unusable("expires_in \"abc\"", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":\"abc\"}",
            "expires_in \"abc\" is not a number of seconds"),
        unusable("expires_in \"3600d\"", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":\"3600d\"}",
            "expires_in \"3600d\" is not a number of seconds"),
        unusable("expires_in an object", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":{\"seconds\":3600}}",
            "expires_in is an object, not a number of seconds"),
        unusable("expires_in a boolean", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":true}",
            "expires_in is the boolean true, not a number of seconds"),
        unusable("expires_in beyond ten years", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":1e12}",
            "is not a lifetime (expected 1 s to 10 years)"),
        unusable("scope a number", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\"," + ok + ",\"scope\":42}",
            "scope is the number 42.0, not a space-delimited string"),
        unusable("duplicate access_token", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"access_token\":\"" + OTHER_TOKEN + "\"," + ok + "}",
            "access_token"),
        unusable("trailing garbage after the JSON", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\"," + ok + "}</html>", "its body is not JSON"),
        unusable("deeply nested JSON", Provider.PAXOS, 200,
            "{\"access_token\":\"" + TOKEN + "\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "its body is not JSON"),
        unusable("Papaya answer without token", Provider.PAPAYA_GLOBAL, 201,
            "{\"access_token\":\"" + TOKEN + "\",\"valid_until\":\"2024-07-11T08:00Z\"}",
            "it has no token"),
        unusable("Papaya valid_until not a date", Provider.PAPAYA_GLOBAL, 201,
            "{\"token\":\"" + TOKEN + "\",\"valid_until\":\"tomorrow\",\"token_name\":\"ci-runner\"}",
            "valid_until \"tomorrow\" is not an ISO-8601 date-time with an offset"),
        unusable("Papaya valid_until without offset", Provider.PAPAYA_GLOBAL, 201,
            "{\"token\":\"" + TOKEN + "\",\"valid_until\":\"2024-07-11T07:48\"}",
            "valid_until \"2024-07-11T07:48\" is not an ISO-8601 date-time with an offset"),
        unusable("Papaya valid_until a number", Provider.PAPAYA_GLOBAL, 201,
            "{\"token\":\"" + TOKEN + "\",\"valid_until\":1720684080}",
            "valid_until is the number 1.72068408E9, not a date-time"),
        unusable("Papaya valid_until in the past", Provider.PAPAYA_GLOBAL, 201,
            "{\"token\":\"" + TOKEN + "\",\"valid_until\":\"2024-07-11T06:59Z\"}",
            "the token expires at 2024-07-11T06:59:00Z, before it was requested"),
        redirect(302, true),
        redirect(307, true),
        redirect(302, false),
        unusable("404", Provider.PAYSWAY, 404, "{\"message\":\"Not Found\"}",
            "HTTP 404 is not a token endpoint's answer: check tokenUrl ("),

        // The provider refused: its own error shape becomes code and message.
        rejected("OAuth2 400 echoing the secret", Provider.PAXOS, json(400,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client acme-client-Zx9 sent"
                + " secret " + SECRET_JSON + ", which is wrong\"}"),
            400, "invalid_client", "Client [redacted] sent secret [redacted], which is wrong"),
        rejected("OAuth2 400 invalid_scope", Provider.PAXOS, json(400,
            "{\"error\":\"invalid_scope\",\"error_description\":\"The requested scope is invalid\"}"),
            400, "invalid_scope", "The requested scope is invalid"),
        rejected("OAuth2 401 error only", Provider.PAXOS, json(401, "{\"error\":\"invalid_client\"}"),
            401, "invalid_client", null),
        rejected("Mangopay 401 {Message, Type}", Provider.MANGOPAY, json(401,
            "{\"Message\":\"Authentication failed for acme-client-Zx9\",\"Type\":\"invalid_client\","
                + "\"Id\":\"3f1c2d8e\",\"Date\":1720681200.0,\"errors\":null}"),
            401, "invalid_client", "Authentication failed for [redacted]"),
        rejected("Paysway 401 {code, message}", Provider.PAYSWAY, json(401,
            "{\"code\":\"AUTH_INVALID_CLIENT_CREDENTIALS\",\"message\":\"Invalid client credentials\"}"),
            401, "AUTH_INVALID_CLIENT_CREDENTIALS", "Invalid client credentials"),
        rejected("Paysway 400 {message} only", Provider.PAYSWAY, json(400,
            "{\"message\":\"client_secret " + SECRET_JSON + " is malformed\"}"),
            400, null, "client_secret [redacted] is malformed"),
        rejected("Papaya 401 {error}", Provider.PAPAYA_GLOBAL, json(401,
            "{\"error\":\"Invalid api key acme-client-Zx9\"}"),
            401, null, "Invalid api key [redacted]"),
        rejected("403 HTML", Provider.PAXOS,
            html(403, "<html><body><h1>403 Forbidden</h1><!-- " + SECRET + " --></body></html>"),
            403, null, null),
        rejected("401 empty body", Provider.MANGOPAY, json(401, ""), 401, null, null),

        // Unavailable: retried by the cache, carrying Retry-After.
        unavailable("429 Retry-After seconds", Provider.PAXOS, new MockResponse.Builder()
            .code(429).setHeader("Retry-After", "120").body("Too Many Requests").build(),
            429, Duration.ofSeconds(120)),
        unavailable("429 Retry-After HTTP date", Provider.MANGOPAY, new MockResponse.Builder()
            .code(429).setHeader("Retry-After", "Thu, 11 Jul 2024 07:01:30 GMT")
            .setHeader("Content-Type", "application/json")
            .body("{\"Message\":\"Too many requests\",\"Type\":\"rate_limit\"}").build(),
            429, Duration.ofSeconds(90)),
        unavailable("429 Paysway without Retry-After", Provider.PAYSWAY, json(429,
            "{\"code\":\"AUTH_TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}"), 429, null),
        unavailable("503 HTML", Provider.PAXOS,
            html(503, "<html><body>Service Unavailable</body></html>"), 503, null),
        unavailable("500 echoing the request", Provider.PAYSWAY, json(500,
            "{\"message\":\"NullPointerException parsing grant_type=client_credentials&client_id="
                + CLIENT_ID + "&client_secret=" + SECRET_FORM + "\"}"), 500, null),
        // The reader does not know a token issued earlier: only its shape gives it away.
        unavailable("503 quoting an earlier token", Provider.PAXOS, json(503,
            "{\"error\":\"temporarily_unavailable\",\"error_description\":\"token " + TOKEN
                + " not saved\"}"), 503, null),
        rejected("401 quoting an earlier token", Provider.PAYSWAY, json(401,
            "{\"code\":\"AUTH_TOKEN_REVOKED\",\"message\":\"Token " + TOKEN + " was revoked\"}"),
            401, "AUTH_TOKEN_REVOKED", "Token [redacted] was revoked"),
        unavailable("408", Provider.PAPAYA_GLOBAL, json(408, ""), 408, null),
        unavailable("502 huge body", Provider.PAXOS, json(502, huge), 502, null),
        bad("connection reset", Provider.PAXOS,
            new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
            TokenEndpointUnavailableException.class, e -> {
              assertEquals(OptionalInt.empty(), e.status());
              assertEquals(Optional.empty(), e.retryAfter());
              assertInstanceOf(IOException.class, e.getCause());
              assertMessageContains(e, "could not be reached");
            }),

        // A token without the scopes asked for.
        bad("scope lacking a requested scope", Provider.PAXOS, json(200,
            "{\"access_token\":\"" + TOKEN + "\"," + ok + ",\"scope\":\"transfer:read_transfer\"}"),
            InsufficientScopeException.class, e -> {
              assertEquals(Set.of("funding:read_profile"), e.missingScopes());
              assertEquals(Set.of("transfer:read_transfer"), e.grantedScopes());
              assertMessageContains(e, "without the scopes [funding:read_profile]");
            }),
        bad("scope empty", Provider.PAXOS, json(200,
            "{\"access_token\":\"" + TOKEN + "\"," + ok + ",\"scope\":\"\"}"),
            InsufficientScopeException.class, e -> {
              assertEquals(Set.copyOf(PAXOS_SCOPES), e.missingScopes());
              assertEquals(Set.of(), e.grantedScopes());
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  <E extends TokenException> void badResponseBecomesTypedException(BadResponse<E> bad)
      throws Exception {
    TokenException e = fetchFailure(bad);

    assertEquals(bad.type(), e.getClass(), () -> "got " + e);
    bad.check().accept(bad.type().cast(e));
    assertEquals(bad.provider(), e.provider());
    // Neither a redirect, a retry nor an authenticator sent a second request.
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badResponseLeaksNoSecretClientIdOrToken(BadResponse<?> bad) throws Exception {
    assertNoLeak(fetchFailure(bad));
  }

  @Test
  void corpusHasAtLeastThirtyCases() {
    assertTrue(corpus().count() >= 30);
  }

  private TokenException fetchFailure(BadResponse<?> bad) {
    server.enqueue(bad.response().apply(server));
    server.enqueue(json(200, TRAP));
    TokenExchange exchange = providerExchange(bad.provider(), server.url("/oauth2/token"));
    return assertThrows(TokenException.class, fetcher(exchange)::fetchBlocking);
  }

  /** A usable answer and the expiry it must give under the fixed clock. */
  record GoodResponse(String name, Provider provider, MockResponse response, String token,
      Instant expiresAt, Set<String> scopes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static GoodResponse good(String name, Provider provider, int status, String body,
      String token, Instant expiresAt) {
    Set<String> scopes = provider == Provider.PAXOS ? Set.copyOf(PAXOS_SCOPES) : Set.of();
    return new GoodResponse(name, provider, json(status, body), token, expiresAt, scopes);
  }

  static Stream<GoodResponse> usable() {
    String opaque = "{\"access_token\":\"" + TOKEN + "\",";
    String jwtNoExp = jwt("{\"sub\":\"acme-client-Zx9\"}");
    // Issued by a clock ten minutes ahead: iat 07:10, exp 08:10, a lifetime of one hour.
    String aheadJwt = jwt("{\"iat\":1720681800,\"exp\":1720685400}");
    // Issued by a clock ten minutes behind: iat 06:50, exp 07:50.
    String behindJwt = jwt("{\"iat\":1720680600,\"exp\":1720684200}");
    String papayaJwt = jwt("{\"exp\":1720684134}"); // 07:48:54Z
    return Stream.of(
        good("expires_in a number", Provider.PAXOS, 200,
            opaque + "\"token_type\":\"bearer\",\"expires_in\":3600}", TOKEN, NOW.plusSeconds(3600)),
        good("expires_in a numeric string", Provider.PAXOS, 200,
            opaque + "\"token_type\":\"bearer\",\"expires_in\":\"3600\"}", TOKEN, NOW.plusSeconds(3600)),
        good("token_type Bearer", Provider.MANGOPAY, 200,
            opaque + "\"token_type\":\"Bearer\",\"expires_in\":1199}", TOKEN, NOW.plusSeconds(1199)),
        good("token_type BEARER", Provider.PAYSWAY, 200,
            opaque + "\"token_type\":\"BEARER\",\"expires_in\":900}", TOKEN, NOW.plusSeconds(900)),
        good("token_type absent", Provider.PAYSWAY, 200,
            opaque + "\"expires_in\":900}", TOKEN, NOW.plusSeconds(900)),
        good("201 is success too", Provider.PAYSWAY, 201,
            opaque + "\"expires_in\":900}", TOKEN, NOW.plusSeconds(900)),
        good("no expires_in: the JWT exp", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + JWT_TOKEN + "\",\"token_type\":\"bearer\"}",
            JWT_TOKEN, Instant.parse("2024-07-11T08:00:00Z")),
        good("no expires_in, JWT from a clock ahead: lifetime counts from sending",
            Provider.PAYSWAY, 200, "{\"access_token\":\"" + aheadJwt + "\"}",
            aheadJwt, NOW.plusSeconds(3600)),
        good("no expires_in, JWT from a clock behind: its exp", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + behindJwt + "\"}", behindJwt, NOW.plusSeconds(3000)),
        good("no expires_in, opaque token: 300 s", Provider.PAYSWAY, 200,
            opaque + "\"token_type\":\"bearer\"}", TOKEN, NOW.plusSeconds(300)),
        good("no expires_in, JWT without exp: 300 s", Provider.MANGOPAY, 200,
            "{\"access_token\":\"" + jwtNoExp + "\"}", jwtNoExp, NOW.plusSeconds(300)),
        good("expires_in wins over the JWT exp", Provider.PAYSWAY, 200,
            "{\"access_token\":\"" + JWT_TOKEN + "\",\"expires_in\":600}", JWT_TOKEN,
            NOW.plusSeconds(600)),
        new GoodResponse("scope granted in another order, with one more", Provider.PAXOS,
            json(200, opaque + "\"expires_in\":3600,"
                + "\"scope\":\"funding:read_profile  transfer:read_transfer profile:read\"}"),
            TOKEN, NOW.plusSeconds(3600),
            Set.of("funding:read_profile", "transfer:read_transfer", "profile:read")),
        good("Papaya valid_until minute precision", Provider.PAPAYA_GLOBAL, 201,
            "{\"valid_until\":\"2024-07-11T07:48Z\",\"token\":\"" + TOKEN
                + "\",\"token_name\":\"ci-runner\"}", TOKEN, Instant.parse("2024-07-11T07:48:00Z")),
        good("Papaya valid_until with an offset", Provider.PAPAYA_GLOBAL, 201,
            "{\"valid_until\":\"2024-07-11T09:48+02:00\",\"token\":\"" + TOKEN + "\"}",
            TOKEN, Instant.parse("2024-07-11T07:48:00Z")),
        good("Papaya valid_until with seconds", Provider.PAPAYA_GLOBAL, 201,
            "{\"valid_until\":\"2024-07-11T07:48:54Z\",\"token\":\"" + TOKEN + "\"}",
            TOKEN, Instant.parse("2024-07-11T07:48:54Z")),
        good("Papaya valid_until with fractional seconds", Provider.PAPAYA_GLOBAL, 201,
            "{\"valid_until\":\"2024-07-11T07:48:54.250Z\",\"token\":\"" + TOKEN + "\"}",
            TOKEN, Instant.parse("2024-07-11T07:48:54.250Z")),
        good("Papaya JWT exp wins over valid_until", Provider.PAPAYA_GLOBAL, 201,
            "{\"valid_until\":\"2024-07-11T07:48Z\",\"token\":\"" + papayaJwt
                + "\",\"token_name\":\"ci-runner\"}", papayaJwt, Instant.parse("2024-07-11T07:48:54Z")),
        good("Papaya 200", Provider.PAPAYA_GLOBAL, 200,
            "{\"valid_until\":\"2024-07-11T07:48Z\",\"token\":\"" + TOKEN + "\"}",
            TOKEN, Instant.parse("2024-07-11T07:48:00Z")),
        good("Papaya without JWT or valid_until: 300 s", Provider.PAPAYA_GLOBAL, 201,
            "{\"token\":\"" + TOKEN + "\"}", TOKEN, NOW.plusSeconds(300)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usable")
  void usableResponseGivesTokenWithExactExpiry(GoodResponse good) throws Exception {
    server.enqueue(good.response());
    TokenExchange exchange = providerExchange(good.provider(), server.url("/oauth2/token"));

    AccessToken token = fetcher(exchange).fetchBlocking();

    assertEquals(good.token(), token.value());
    assertEquals(NOW, token.requestedAt());
    assertEquals(good.expiresAt(), token.expiresAt());
    assertEquals(good.scopes(), token.scopes());
    assertEquals(1, server.getRequestCount());
    assertNoLeak(token.toString());
  }

  @Test
  void hugeBodyIsReadOnlyUpToTheLimit() {
    long[] served = {0};
    Source endless = new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        sink.writeUtf8("x".repeat((int) byteCount));
        served[0] += byteCount;
        return byteCount;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    Response response = new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/oauth2/token").build())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(Okio.buffer(endless), MediaType.get("application/json"), -1))
        .build();
    TokenResponseReader reader = new TokenResponseReader(
        providerExchange(Provider.PAXOS, okhttp3.HttpUrl.get("http://127.0.0.1/oauth2/token")));

    TokenResponseException e =
        assertThrows(TokenResponseException.class, () -> reader.read(response, NOW));

    assertMessageContains(e, "larger than 64 KiB");
    assertTrue(served[0] <= TokenResponseReader.MAX_BODY_BYTES + 64 * 1024, "read " + served[0]);
  }

  @Test
  void credentialsAccessTokenAndKeyShowNoSecret() {
    ClientCredentials credentials = TokenEndpointFixture.credentials();
    assertTrue(credentials.toString().matches("ClientCredentials\\{fingerprint=sha256:[0-9a-f]{8}}"),
        credentials.toString());
    assertNoLeak(credentials.toString());

    AccessToken token = AccessToken.create(TOKEN, NOW, NOW.plusSeconds(60), Set.of("read"));
    assertEquals("AccessToken{fingerprint=" + token.fingerprint()
        + ", expiresAt=2024-07-11T07:01:00Z, scopes=[read]}", token.toString());
    assertNoLeak(token.toString());

    for (Provider provider : List.of(Provider.PAXOS, Provider.MANGOPAY, Provider.PAYSWAY,
        Provider.PAPAYA_GLOBAL, Provider.CUSTOM)) {
      TokenKey key = providerExchange(provider,
          okhttp3.HttpUrl.get("https://127.0.0.1/oauth2/token")).key();
      assertNoLeak(key.toString());
      assertNoLeak(key.fingerprint());
    }
  }

  @Test
  void providerErrorOfEachShape() {
    Redactor redactor = new Redactor(SECRET, CLIENT_ID);
    assertEquals(new ProviderError("invalid_grant", "expired"), ProviderError.parse(
        "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}", Provider.CUSTOM, redactor));
    assertEquals(new ProviderError("rate_limit", "Slow down"), ProviderError.parse(
        "{\"Message\":\"Slow down\",\"Type\":\"rate_limit\"}", Provider.MANGOPAY, redactor));
    assertEquals(new ProviderError(null, "No"), ProviderError.parse(
        "{\"message\":\"No\"}", Provider.PAYSWAY, redactor));
    assertEquals(new ProviderError(null, "Bad key"), ProviderError.parse(
        "{\"error\":\"Bad key\"}", Provider.PAPAYA_GLOBAL, redactor));
    assertEquals(new ProviderError(null, null), ProviderError.parse(
        "<html>", Provider.PAXOS, redactor));
    assertEquals("", new ProviderError(null, null).describe());
  }

  private static void assertMessageContains(Throwable e, String fragment) {
    assertTrue(e.getMessage().contains(fragment),
        () -> "expected \"" + fragment + "\" in: " + e.getMessage());
  }

  /** No text a failure exposes contains a sensitive string in any of its usual encodings. */
  static void assertNoLeak(TokenException e) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
    }
    if (e instanceof TokenResponseException unusable) {
      texts.add(unusable.bodyExcerpt());
    }
    if (e instanceof TokenRejectedException rejected) {
      texts.add(rejected.errorCode().orElse(""));
      texts.add(rejected.errorMessage().orElse(""));
    }
    if (e instanceof InsufficientScopeException scopes) {
      texts.add(scopes.missingScopes().toString());
      texts.add(scopes.grantedScopes().toString());
    }
    assertNotNull(e.getMessage());
    assertNoLeak(texts.toArray(String[]::new));
  }

  static void assertNoLeak(String... texts) {
    for (String sensitive : SENSITIVE) {
      for (String disguise : disguises(sensitive)) {
        for (String text : texts) {
          if (text.toLowerCase(Locale.ROOT).contains(disguise.toLowerCase(Locale.ROOT))) {
            fail("\"" + disguise + "\" leaked into: " + text);
          }
        }
      }
    }
  }
}
