package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.CLIENT_ID;
import static io.tokenwise.TokenEndpointFixture.NOW;
import static io.tokenwise.TokenEndpointFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated token responses — random JSON shapes, types and sizes, near-valid answers
 * with one thing wrong, invalid UTF-8, byte order marks, truncations, deep nesting, odd statuses
 * and {@code Retry-After} values — for the OAuth2 and Papaya readers and, fewer, over a loopback
 * socket: each ends in a valid {@link AccessToken} or a typed {@link TokenException} that quotes
 * neither the secret, the client id nor the token; nothing else escapes, nothing hangs.
 *
 * <p>Seeded and reproducible: {@code -Dtokenwise.fuzz.seed=N -Dtokenwise.fuzz.cases=N}; a failure
 * names its case's own seed.
 */
final class TokenResponseFuzzTest {
  private static final long SEED = Long.getLong("tokenwise.fuzz.seed", 20_240_711L);
  private static final int CASES = Integer.getInteger("tokenwise.fuzz.cases", 6_000);
  private static final int HTTP_CASES = Integer.getInteger("tokenwise.fuzz.httpCases", 300);
  private static final int BATCH = 500;
  /** Generous for a loaded 2-core machine; a hang (or catastrophic backtracking) blows it. */
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

  private static final List<Provider> PROVIDERS = List.of(Provider.PAXOS, Provider.MANGOPAY,
      Provider.PAYSWAY, Provider.PAPAYA_GLOBAL, Provider.CUSTOM);
  private static final String TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final List<String> FIELDS = List.of("access_token", "token", "token_type",
      "expires_in", "scope", "valid_until", "token_name", "refresh_token", "error",
      "error_description", "code", "message", "Message", "Type", "id_token", "expires_at", "iat");

  /** What happened to the generated cases: evidence that the generator reaches every outcome. */
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  /** One generated answer and the tokens it carries. */
  private record Case(int index, long seed, Provider provider, int status, String retryAfter,
      byte[] body, Set<String> tokens, String shape) {
    String describe() {
      String text = new String(body, StandardCharsets.UTF_8);
      return "case " + index + " (seed " + seed + ", " + provider + ", HTTP " + status + ", "
          + shape + ", Retry-After " + retryAfter + ", " + body.length + " bytes: "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + ")";
    }
  }

  @Test
  void everyGeneratedResponseBecomesATokenOrATypedTokenException() {
    Random master = new Random(SEED);
    for (int start = 0; start < CASES; start += BATCH) {
      int first = start;
      int end = Math.min(CASES, start + BATCH);
      long[] seeds = new long[end - first];
      for (int i = 0; i < seeds.length; i++) {
        seeds[i] = master.nextLong();
      }
      assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
        for (int i = first; i < end; i++) {
          Case generated = generate(i, seeds[i - first]);
          TokenExchange exchange = TokenEndpointFixture.providerExchange(generated.provider(),
              HttpUrl.get("http://127.0.0.1/token"));
          Response response = response(generated);
          check(generated, exchange, () -> new TokenResponseReader(exchange).read(response, NOW));
        }
      }, "batch starting at case " + first + " (seed " + SEED + ") did not finish");
    }
    report(CASES);
  }

  @Test
  void generatedResponsesOverLoopbackBecomeATokenOrATypedTokenException() throws IOException {
    OkHttpClient client = new OkHttpClient.Builder()
        .readTimeout(Duration.ofMillis(300))
        .callTimeout(Duration.ofSeconds(10))
        .build();
    Random master = new Random(SEED ^ 0x5DEECE66DL);
    // Every request gets the current case's answer: a request OkHttp repeats on its own (a 503
    // with Retry-After: 0) must not take the next case's.
    AtomicReference<MockResponse> answer = new AtomicReference<>();
    try (MockWebServer server = TokenEndpointFixture.startLoopbackServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return answer.get();
        }
      });
      for (int start = 0; start < HTTP_CASES; start += BATCH) {
        int first = start;
        int end = Math.min(HTTP_CASES, start + BATCH);
        long[] seeds = new long[end - first];
        for (int i = 0; i < seeds.length; i++) {
          seeds[i] = master.nextLong();
        }
        assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
          for (int i = first; i < end; i++) {
            Case generated = generate(i, seeds[i - first]);
            if (generated.status() < 200) {
              continue; // 1xx are interim answers on the wire, not ones a server can end with
            }
            TokenExchange exchange = TokenEndpointFixture.providerExchange(generated.provider(),
                server.url("/token"));
            answer.set(wireResponse(generated, new Random(generated.seed())));
            check(generated, exchange,
                () -> new HttpTokenFetcher(client, exchange, TokenEndpointFixture.CACHE).fetchBlocking());
          }
        }, "batch starting at case " + first + " did not finish");
      }
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    report(HTTP_CASES * 9 / 10);
  }

  /** Found by this test: the token-field pattern recursed once per character of the value. */
  @Test
  void aLongTokenFieldIsMaskedWithoutOverflowingTheStack() {
    Redactor redactor = new Redactor(SECRET, CLIENT_ID);
    for (String value : List.of("x".repeat(70_000), "\\\"".repeat(32_000), "\\u00e9".repeat(12_000))) {
      String masked = redactor.excerpt("{\"access_token\":\"" + value + "\",\"secret\":\"" + SECRET + "\"}");
      assertEquals("{\"access_token\":\"[redacted]\",\"secret\":\"[redacted]\"}", masked);
    }
  }

  /** Found by this test: an expiry past year 292278994 overflowed the cache's epoch millis. */
  @Test
  void anExpiryMoreThanTenYearsAwayIsUnusable() throws TokenException {
    TokenExchange papaya = TokenEndpointFixture.providerExchange(Provider.PAPAYA_GLOBAL,
        HttpUrl.get("http://127.0.0.1/token"));
    TokenExchange paysway = TokenEndpointFixture.providerExchange(Provider.PAYSWAY,
        HttpUrl.get("http://127.0.0.1/token"));
    for (String validUntil : List.of("+999999999-12-31T23:59Z", "2099-01-01T00:00Z")) {
      TokenResponseException e = assertThrows(
          TokenResponseException.class, () -> new TokenResponseReader(papaya).read(201, null,
              "{\"token\":\"opaque-token-value\",\"valid_until\":\"" + validUntil + "\"}", false,
              NOW));
      assertTrue(e.getMessage().contains("more than 10 years after it was requested"),
          e.getMessage());
    }
    String farJwt = TokenEndpointFixture.jwt("{\"exp\":1e12}");
    assertThrows(TokenResponseException.class, () -> new TokenResponseReader(paysway).read(200,
        null, "{\"access_token\":\"" + farJwt + "\",\"token_type\":\"bearer\"}", false, NOW));
    AccessToken nineYears = new TokenResponseReader(paysway).read(200, null,
        "{\"access_token\":\"" + farJwt + "\",\"token_type\":\"bearer\",\"expires_in\":"
            + Duration.ofDays(9 * 365).toSeconds() + "}", false, NOW);
    assertEquals(NOW.plus(Duration.ofDays(9 * 365)), nineYears.expiresAt());
  }

  /** Found by this test: OkHttp answered a 503 with Retry-After: 0 by sending the request again. */
  @Test
  void a503WithRetryAfterZeroIsOneTokenRequest() throws IOException {
    try (MockWebServer server = TokenEndpointFixture.startLoopbackServer()) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0")
          .body("{\"error\":\"temporarily_unavailable\"}").build());
      server.enqueue(TokenEndpointFixture.json(200, "{\"access_token\":\"not-to-be-fetched\","
          + "\"token_type\":\"bearer\",\"expires_in\":3600}"));
      TokenExchange exchange = TokenEndpointFixture.providerExchange(Provider.PAYSWAY,
          server.url("/token"));
      TokenEndpointUnavailableException e = assertThrows(TokenEndpointUnavailableException.class,
          () -> TokenEndpointFixture.fetcher(exchange).fetchBlocking());
      assertEquals(java.util.OptionalInt.of(503), e.status());
      assertEquals(1, server.getRequestCount());
    }
  }

  private interface Attempt {
    AccessToken run() throws Exception;
  }

  private void check(Case generated, TokenExchange exchange, Attempt attempt) {
    AccessToken token;
    try {
      token = attempt.run();
    } catch (TokenException e) {
      outcome(e.getClass().getSimpleName());
      if (!(e instanceof TokenRejectedException || e instanceof TokenEndpointUnavailableException
          || e instanceof TokenResponseException || e instanceof InsufficientScopeException)) {
        fail(generated, "untyped TokenException", e);
      }
      if (e.provider() != generated.provider()) {
        fail(generated, "wrong provider " + e.provider(), e);
      }
      String text = everything(e);
      // Broken bytes may have mangled a field's name: then nothing can know its value is a token.
      Set<String> watched = generated.shape().equals("broken bytes")
          ? Set.of(SECRET, CLIENT_ID) : sensitive(generated);
      for (String sensitive : watched) {
        if (text.contains(sensitive)) {
          fail(generated, "quotes \"" + sensitive + "\"", e);
        }
      }
      return;
    } catch (Throwable e) {
      fail(generated, "escaped as " + e.getClass().getName(), e);
      return;
    }
    outcome("AccessToken");
    if (generated.status() < 200 || generated.status() > 299) {
      fail(generated, "a token from HTTP " + generated.status(), null);
    } else if (!new String(generated.body(), StandardCharsets.UTF_8).contains(quote(
        generated.provider() == Provider.PAPAYA_GLOBAL ? "token" : "access_token") + ":"
        + quote(token.value()))) {
      fail(generated, "a token the response did not carry: " + token, null);
    } else if (!token.expiresAt().isAfter(NOW)
        || token.expiresAt().isAfter(NOW.plus(Duration.ofDays(3651)))) {
      // Beyond ten years is no lifetime, and past year 292278994 no epoch millisecond.
      fail(generated, "an unusable expiry " + token.expiresAt(), null);
    } else if (!token.scopes().containsAll(exchange.scopes)) {
      fail(generated, "scopes " + token.scopes() + " without " + exchange.scopes, null);
    }
  }

  private static Set<String> sensitive(Case generated) {
    Set<String> all = new LinkedHashSet<>(generated.tokens());
    all.addAll(TokenEndpointFixture.disguises(SECRET));
    all.add(CLIENT_ID);
    return all;
  }

  /** Message, toString, fields and trace of the exception and its causes. */
  private static String everything(TokenException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    StringBuilder text = new StringBuilder(trace.toString());
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append('\n').append(t);
      if (t instanceof TokenResponseException r) {
        text.append('\n').append(r.bodyExcerpt());
      } else if (t instanceof TokenRejectedException r) {
        text.append('\n').append(r.errorCode()).append(r.errorMessage());
      } else if (t instanceof InsufficientScopeException s) {
        text.append('\n').append(s.grantedScopes()).append(s.missingScopes());
      }
    }
    return text.toString();
  }

  private void outcome(String name) {
    outcomes.merge(name, 1, Integer::sum);
  }

  private void fail(Case generated, String problem, Throwable e) {
    StringWriter trace = new StringWriter();
    if (e != null) {
      e.printStackTrace(new PrintWriter(trace));
    }
    failures.add(problem + " for " + generated.describe()
        + (e == null ? "" : "\n" + trace.toString().lines().limit(12)
            .reduce((a, b) -> a + "\n" + b).orElse("")));
  }

  private void report(int minimumCases) {
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(List.of(), failures.stream().limit(10).toList(),
        failures.size() + " of " + total + " cases failed; outcomes " + outcomes);
    // The generator reaches every outcome, so the test could fail on each.
    assertTrue(total >= minimumCases, "cases run: " + total);
    for (String outcome : List.of("AccessToken", "TokenRejectedException",
        "TokenEndpointUnavailableException", "TokenResponseException")) {
      assertTrue(outcomes.getOrDefault(outcome, 0) >= total / 100,
          "too few " + outcome + ": " + outcomes);
    }
  }

  // ---- The generator ----

  private static Case generate(int index, long seed) {
    Random r = new Random(seed);
    Provider provider = PROVIDERS.get(r.nextInt(PROVIDERS.size()));
    Set<String> tokens = new LinkedHashSet<>();
    int status = status(r);
    String retryAfter = r.nextInt(3) == 0 ? retryAfter(r) : null;
    String shape;
    byte[] body;
    int kind = r.nextInt(100);
    if (kind < 40) {
      shape = "near-valid";
      body = utf8(nearValid(r, provider, tokens));
    } else if (kind < 55) {
      shape = "random JSON";
      body = utf8(json(r, 0, tokens));
    } else if (kind < 65) {
      shape = "error body";
      body = utf8(errorBody(r));
    } else if (kind < 85) {
      shape = "broken bytes";
      body = breakBytes(r, utf8(r.nextBoolean() ? nearValid(r, provider, tokens)
          : json(r, 0, tokens)));
    } else if (kind < 92) {
      shape = "huge";
      body = utf8(huge(r, tokens));
    } else {
      shape = "random bytes";
      body = new byte[r.nextInt(300)];
      r.nextBytes(body);
    }
    return new Case(index, seed, provider, status, retryAfter, body, tokens, shape);
  }

  private static int status(Random r) {
    int pick = r.nextInt(100);
    if (pick < 55) {
      return List.of(200, 200, 200, 201, 201, 202, 203, 204, 206, 299).get(r.nextInt(10));
    } else if (pick < 70) {
      return List.of(400, 401, 403).get(r.nextInt(3));
    } else if (pick < 85) {
      return List.of(408, 429, 500, 502, 503, 504, 599).get(r.nextInt(7));
    } else if (pick < 92) {
      return 300 + r.nextInt(9);
    }
    return 100 + r.nextInt(900);
  }

  private static String retryAfter(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> "0";
      case 1 -> String.valueOf(r.nextInt(100_000));
      case 2 -> "-" + r.nextInt(100);
      case 3 -> "99999999999999999999";
      case 4 -> String.valueOf(Long.MAX_VALUE);
      case 5 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(
          NOW.plusSeconds(r.nextInt(200_000) - 100_000).atOffset(ZoneOffset.UTC));
      case 6 -> "Fri, 31 Dec 9999 23:59:59 GMT";
      case 7 -> "Mon, 01 Jan 0001 00:00:00 GMT";
      case 8 -> "1.5";
      case 9 -> " 5 ";
      case 10 -> "";
      default -> randomText(r, 20);
    };
  }

  /**
   * A token the reader could accept: opaque, or a JWT with random claims. It must never be quoted
   * once it sits in a field named like a token ({@link #tokenField}) or is the whole body.
   */
  private static String newToken(Random r, Set<String> tokens) {
    String token;
    if (r.nextInt(4) == 0) {
      StringBuilder claims = new StringBuilder("{");
      if (r.nextBoolean()) {
        claims.append("\"exp\":").append(number(r, NOW.getEpochSecond()));
      }
      if (r.nextBoolean()) {
        claims.append(claims.length() > 1 ? "," : "").append("\"iat\":")
            .append(number(r, NOW.getEpochSecond()));
      }
      token = r.nextInt(10) == 0
          ? "eyJhbGciOiJub25lIn0." + randomToken(r, 8 + r.nextInt(30)) + ".sig" + randomToken(r, 8)
          : TokenEndpointFixture.jwt(claims.append('}').toString());
    } else {
      token = randomToken(r, 12 + r.nextInt(r.nextInt(10) == 0 ? 2000 : 40));
    }
    return token;
  }

  /** Whether the reader or its redactor can know {@code name}'s value is a token. */
  private static boolean tokenField(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).endsWith("token");
  }

  /** {@code value} for field {@code name}: tracked as a token only under a token's name. */
  private static String tracked(String name, String token, Set<String> tokens) {
    if (tokenField(name)) {
      tokens.add(token);
    }
    return quote(token);
  }

  private static String randomToken(Random r, int length) {
    StringBuilder token = new StringBuilder();
    // Letters and digits at both ends, so no encoding or trimming can disguise it.
    token.append((char) ('a' + r.nextInt(26)));
    for (int i = 2; i < length; i++) {
      token.append(TOKEN_ALPHABET.charAt(r.nextInt(TOKEN_ALPHABET.length())));
    }
    return token.append((char) ('0' + r.nextInt(10))).toString();
  }

  /** A number near {@code around}, or an odd one: negative, huge, fractional, exponent. */
  private static String number(Random r, long around) {
    return switch (r.nextInt(10)) {
      case 0 -> "-" + r.nextInt(1000);
      case 1 -> "1e" + r.nextInt(400);
      case 2 -> "0";
      case 3 -> "-0.0";
      case 4 -> String.valueOf(r.nextDouble() * 10);
      case 5 -> String.valueOf(Long.MAX_VALUE);
      case 6 -> "123456789012345678901234567890";
      default -> String.valueOf(around + r.nextInt(7200) - 600);
    };
  }

  /** A response for the provider's reader with one to three things changed or dropped. */
  private static String nearValid(Random r, Provider provider, Set<String> tokens) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    String token = newToken(r, tokens);
    tokens.add(token);
    if (provider == Provider.PAPAYA_GLOBAL) {
      fields.put("token", quote(token));
      fields.put("valid_until", quote(Instant.ofEpochSecond(NOW.getEpochSecond() + 3600)
          .toString().substring(0, 16) + "Z"));
      fields.put("token_name", quote("ci-runner"));
    } else {
      fields.put("access_token", quote(token));
      fields.put("token_type", quote(r.nextBoolean() ? "bearer" : "Bearer"));
      fields.put("expires_in", String.valueOf(1 + r.nextInt(7200)));
      if (provider == Provider.PAXOS) {
        fields.put("scope", quote(String.join(" ", TokenEndpointFixture.PAXOS_SCOPES)));
      } else if (provider == Provider.CUSTOM) {
        fields.put("scope", quote("read write"));
      }
    }
    int changes = r.nextInt(4);
    for (int i = 0; i < changes; i++) {
      List<String> names = new ArrayList<>(fields.keySet());
      String name = names.isEmpty() || r.nextInt(4) == 0
          ? FIELDS.get(r.nextInt(FIELDS.size())) : names.get(r.nextInt(names.size()));
      switch (r.nextInt(6)) {
        case 0 -> fields.remove(name);
        case 1 -> {
          Set<String> inside = new LinkedHashSet<>();
          String value = json(r, 1, inside);
          if (tokenField(name) || value.startsWith("{")) {
            tokens.addAll(inside);
          }
          fields.put(name, value);
        }
        case 2 -> fields.put(name, quote(oddString(r)));
        case 3 -> fields.put(name, number(r, 3600));
        case 4 -> fields.put(name, tracked(name, newToken(r, tokens), tokens));
        default -> fields.put(name, name.contains("valid") || name.contains("expires")
            ? quote(oddDate(r))
            // The token itself only where a token belongs: elsewhere no reader could know it.
            : tokenField(name)
                ? tracked(name, token + (r.nextBoolean() ? " " : "\t") + newToken(r, tokens), tokens)
                : quote(newToken(r, tokens) + " " + newToken(r, tokens)));
      }
    }
    StringBuilder json = new StringBuilder("{");
    fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
        .append(quote(name)).append(':').append(value));
    if (r.nextInt(10) == 0 && !fields.isEmpty()) {
      // A duplicated field: Moshi refuses it, quoting both values.
      String name = fields.keySet().iterator().next();
      json.append(',').append(quote(name)).append(':').append(tracked(name, newToken(r, tokens),
          tokens));
    }
    return json.append('}').toString();
  }

  private static String oddDate(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "2024-07-11T07:48Z";
      case 1 -> "2024-07-11T07:48:00+25:00";
      case 2 -> "+999999999-12-31T23:59Z";
      case 3 -> "-999999999-01-01T00:00Z";
      case 4 -> "2024-02-30T00:00Z";
      case 5 -> "tomorrow";
      case 6 -> "2099-01-01T00:00:00.123456789Z";
      default -> randomText(r, 30);
    };
  }

  private static String oddString(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> "\u0000\u001f\u007f";
      case 3 -> "é漢字\uD83D\uDE00";
      case 4 -> "\uD800"; // a lone surrogate
      case 5 -> "3600";
      case 6 -> "bearer";
      default -> randomText(r, 1 + r.nextInt(80));
    };
  }

  private static String randomText(Random r, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int pick = r.nextInt(10);
      text.append(pick < 6 ? (char) (32 + r.nextInt(95))
          : pick < 8 ? (char) r.nextInt(32) : (char) (128 + r.nextInt(0xD000)));
    }
    return text.toString();
  }

  /** Any JSON value, depth-limited; string values are sometimes tokens. */
  private static String json(Random r, int depth, Set<String> tokens) {
    int pick = r.nextInt(depth > 3 ? 6 : 9);
    return switch (pick) {
      case 0 -> "null";
      case 1 -> r.nextBoolean() ? "true" : "false";
      case 2 -> number(r, r.nextInt(100_000));
      case 3 -> quote(oddString(r));
      case 4 -> quote(FIELDS.get(r.nextInt(FIELDS.size())));
      case 5 -> r.nextBoolean() ? tracked("token", newToken(r, tokens), tokens)
          : quote(randomText(r, 10));
      case 6, 7 -> {
        StringBuilder object = new StringBuilder("{");
        int size = r.nextInt(6);
        for (int i = 0; i < size; i++) {
          String name = r.nextInt(3) == 0 ? randomText(r, 6) : FIELDS.get(r.nextInt(FIELDS.size()));
          name = name + (r.nextInt(5) == 0 ? i : "");
          Set<String> inside = new LinkedHashSet<>();
          String value = json(r, depth + 1, inside);
          if (tokenField(name) || value.startsWith("{")) {
            tokens.addAll(inside); // under another name, a string is nobody's token
          }
          object.append(i == 0 ? "" : ",").append(quote(name)).append(':').append(value);
        }
        yield object.append('}').toString();
      }
      default -> {
        StringBuilder array = new StringBuilder("[");
        int size = r.nextInt(5);
        for (int i = 0; i < size; i++) {
          array.append(i == 0 ? "" : ",").append(json(r, depth + 1, tokens));
        }
        yield array.append(']').toString();
      }
    };
  }

  private static String errorBody(Random r) {
    String code = r.nextBoolean() ? "invalid_client" : randomText(r, 12);
    String message = r.nextBoolean()
        ? "client " + CLIENT_ID + " secret " + SECRET.replace("\\", "\\\\").replace("\"", "\\\"")
        : randomText(r, 40).replace("\\", "\\\\").replace("\"", "\\\"");
    return switch (r.nextInt(6)) {
      case 0 -> "{\"error\":\"" + code + "\",\"error_description\":\"" + message + "\"}";
      case 1 -> "{\"Message\":\"" + message + "\",\"Type\":\"" + code + "\",\"Errors\":{}}";
      case 2 -> "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
      case 3 -> "{\"error\":\"" + message + "\"}";
      case 4 -> "<html><body>Bad client_secret="
          + java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + "</body></html>";
      default -> "{\"error\":" + json(r, 2, new LinkedHashSet<>()) + ",\"error_description\":"
          + json(r, 2, new LinkedHashSet<>()) + "}";
    };
  }

  /** Very long strings, wide arrays, deep nesting: past the 64 KiB limit or Moshi's depth. */
  private static String huge(Random r, Set<String> tokens) {
    return switch (r.nextInt(6)) {
      case 0 -> "{\"access_token\":" + tracked("token", newToken(r, tokens) + "x".repeat(70_000),
          tokens) + "}";
      case 1 -> "[".repeat(300 + r.nextInt(5000)) + "]".repeat(r.nextInt(300));
      case 2 -> "{\"a\":".repeat(300 + r.nextInt(2000)) + "1";
      case 3 -> "{\"access_token\":\"" + "A".repeat(r.nextInt(64 * 1024)) + "\",\"token\":\""
          + "B".repeat(r.nextInt(1024)) + "\"}";
      case 4 -> "[" + "1,".repeat(r.nextInt(40_000)) + "1]";
      default -> "{\"token\":" + tracked("token", newToken(r, tokens), tokens) + ",\"pad\":\""
          + "\\u00e9".repeat(r.nextInt(20_000)) + "\"}";
    };
  }

  /** Truncation, invalid UTF-8, byte order marks, flipped and inserted bytes. */
  private static byte[] breakBytes(Random r, byte[] bytes) {
    Buffer out = new Buffer();
    switch (r.nextInt(7)) {
      case 0 -> out.write(bytes, 0, r.nextInt(bytes.length + 1));
      case 1 -> out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).write(bytes);
      case 2 -> out.write(new byte[] {(byte) 0xFE, (byte) 0xFF}).write(
          new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE));
      case 3 -> out.write(new String(bytes, StandardCharsets.UTF_8)
          .getBytes(StandardCharsets.UTF_16LE));
      case 4 -> {
        int at = r.nextInt(bytes.length + 1);
        byte[][] invalid = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0}};
        out.write(bytes, 0, at).write(invalid[r.nextInt(invalid.length)])
            .write(bytes, at, bytes.length - at);
      }
      case 5 -> {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 1 + r.nextInt(4) && copy.length > 0; i++) {
          copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        }
        out.write(copy);
      }
      default -> out.write(bytes).write(r.nextBoolean() ? utf8(" trailing") : utf8("}{}"));
    }
    return out.readByteArray();
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- Delivery ----

  private static Response response(Case generated) {
    Response.Builder response = new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/token").build())
        .protocol(Protocol.HTTP_1_1)
        .code(generated.status())
        .message("Fuzz")
        .body(ResponseBody.create(generated.body(), MediaType.get("application/json")));
    Headers.Builder headers = new Headers.Builder();
    if (generated.retryAfter() != null) {
      headers.addUnsafeNonAscii("Retry-After", generated.retryAfter());
    }
    if (generated.status() >= 300 && generated.status() < 400 && generated.seed() % 2 == 0) {
      headers.add("Location", "https://elsewhere.example/cb?client_secret="
          + java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    }
    return response.headers(headers.build()).build();
  }

  /** The case as a server sends it, sometimes with a lying length, bad gzip or a cut socket. */
  private static MockResponse wireResponse(Case generated, Random r) {
    MockResponse.Builder response = new MockResponse.Builder().code(generated.status());
    Buffer body = new Buffer().write(generated.body());
    switch (r.nextInt(30)) {
      case 0 -> response.body(body).onResponseBody(new SocketEffect.CloseSocket());
      case 1 -> response.body(body).removeHeader("Content-Length") // waits for a read timeout
          .addHeaderLenient("Content-Length", generated.body().length + 1 + r.nextInt(100));
      case 2 -> response.body(body).addHeader("Content-Encoding", "gzip");
      case 3 -> response.chunkedBody(body, 1 + r.nextInt(64));
      case 4 -> response.body(body).throttleBody(4096, 1, TimeUnit.MILLISECONDS);
      case 5 -> response.body(body).addHeader("Content-Type", "text/html; charset=utf-16");
      default -> response.body(body).addHeader("Content-Type", "application/json");
    }
    if (generated.retryAfter() != null) {
      response.addHeaderLenient("Retry-After", generated.retryAfter().replaceAll("\\p{Cntrl}", ""));
    }
    if (generated.status() >= 300 && generated.status() < 400) {
      response.addHeader("Location", "https://elsewhere.example/cb?token=" + Base64.getEncoder()
          .encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    }
    return response.build();
  }
}
