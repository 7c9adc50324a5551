package io.tokenwise.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OAuth2 client-credentials server and API for the fleet tests, in one class so that
 * the provider emulator can take its place: two token endpoints, {@code /plain/oauth/token} and
 * {@code /revoking/oauth/token} (which revokes every token it issued before when it issues a new
 * one), each with its API, {@code /<mode>/api/balance}, which answers 200 for a token it issued,
 * not expired and not revoked, else 401. Tokens live {@code lifetime}. It counts and times every
 * token request, and every API call's outcome.
 */
final class FleetTokenServer implements AutoCloseable {
  static final String CLIENT_ID = "fleet-client-7f3a9c";
  static final String SECRET = "fleet-secret-5d81e2b4";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MockWebServer server = new MockWebServer();
  private final long lifetimeMillis;
  private final Map<String, Mode> modes = Map.of("plain", new Mode(false),
      "revoking", new Mode(true));
  /** Runs before a token request is answered: the fault tests' hook (kill the lease holder). */
  volatile Consumer<String> beforeTokenAnswer = mode -> { };

  /** One token endpoint and its API. */
  static final class Mode {
    final boolean revokesPrevious;
    /** When each token request arrived (epoch ms), in order. */
    final List<Long> tokenRequests = new ArrayList<>();
    final Map<String, Long> expiresAt = new ConcurrentHashMap<>();
    final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
    /** Tokens that authorized at least one call. */
    final Map<String, Boolean> used = new ConcurrentHashMap<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    Mode(boolean revokesPrevious) {
      this.revokesPrevious = revokesPrevious;
    }

    synchronized List<Long> tokenRequests() {
      return List.copyOf(tokenRequests);
    }

    synchronized String issue(long lifetime) {
      long now = System.currentTimeMillis();
      tokenRequests.add(now);
      if (revokesPrevious) {
        expiresAt.keySet().forEach(token -> revoked.put(token, true));
      }
      byte[] random = new byte[12];
      RANDOM.nextBytes(random);
      String token = "tok-" + HexFormat.of().formatHex(random);
      expiresAt.put(token, now + lifetime);
      return token;
    }
  }

  FleetTokenServer(Duration lifetime) throws IOException {
    this.lifetimeMillis = lifetime.toMillis();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  Mode mode(String name) {
    return modes.get(name);
  }

  /** {@code http://127.0.0.1:port/}: a mode's endpoints are below {@code <mode>/}. */
  String root() {
    return server.url("/").toString();
  }

  private MockResponse answer(RecordedRequest request) {
    List<String> segments = request.getUrl().pathSegments();
    Mode mode = segments.isEmpty() ? null : modes.get(segments.get(0));
    String path = String.join("/", segments.subList(Math.min(1, segments.size()),
        segments.size()));
    if (mode == null) {
      return status(404);
    }
    if (path.equals("oauth/token") && request.getMethod().equals("POST")) {
      if (!credentialsMatch(request.getBody() == null ? "" : request.getBody().utf8())) {
        return status(401);
      }
      beforeTokenAnswer.accept(segments.get(0));
      String token = mode.issue(lifetimeMillis);
      return new MockResponse.Builder()
          .setHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
              + lifetimeMillis / 1000 + "}")
          .build();
    }
    if (path.equals("api/balance")) {
      String authorization = request.getHeaders().get("Authorization");
      String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
      Long expires = mode.expiresAt.get(token);
      if (expires == null || System.currentTimeMillis() >= expires
          || mode.revoked.containsKey(token)) {
        mode.refused.incrementAndGet();
        return status(401);
      }
      mode.used.put(token, true);
      mode.accepted.incrementAndGet();
      return new MockResponse.Builder().body("{\"balance\":\"100.00\"}").build();
    }
    return status(404);
  }

  private static boolean credentialsMatch(String form) {
    Map<String, String> fields = new ConcurrentHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return "client_credentials".equals(fields.get("grant_type"))
        && CLIENT_ID.equals(fields.get("client_id")) && SECRET.equals(fields.get("client_secret"));
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
