package io.tokenwise.examples;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A loopback token endpoint in front of the emulator's that misbehaves on purpose: of every 40
 * token requests, in a seeded order, 12 (30 %) fail: three 500s, three 503s, two 429s with {@code
 * Retry-After}, two connections closed without an answer and two 2 s stalls; during an outage
 * every answer is a 503 or a closed connection. The rest are forwarded to the emulator, so
 * the tokens are real ones its API accepts. It records what a soak asserts on: token requests per
 * provider, how many were in flight at once, when each issued token was requested and delivered,
 * the issued token values, and requests that came sooner than a {@code Retry-After} allowed.
 */
final class FaultInjectingTokenProxy implements AutoCloseable {
  /** What the proxy does with one token request. */
  enum Fault {
    NONE, HTTP_500, HTTP_503, HTTP_429, DROP_CONNECTION, STALL_2S
  }

  private static final Pattern TOKEN_VALUE =
      Pattern.compile("\"(?:access_token|token)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  private static final Pattern CLAIM = Pattern.compile("\"(exp|iat)\"\\s*:\\s*(\\d+)");

  /**
   * One issued token in soak milliseconds: when the client sent its request, when the answer
   * left here, and when the token expires as Tokenwise reads it ({@code expires_in} from the send,
   * or a JWT's whole-second {@code exp}).
   */
  record Issued(long requestedAt, long deliveredAt, long expiresAt) {
    /** DESIGN.md: from expiry minus the hard margin the token is never sent. */
    long usableUntil() {
      long life = expiresAt - requestedAt;
      return expiresAt - Math.min(60_000, Math.min(Math.max(5_000, life / 20), life / 4));
    }
  }

  /** Everything recorded for one provider. */
  static final class Stats {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger retryAfterViolations = new AtomicInteger();
    final Map<Fault, AtomicInteger> faults = new EnumMap<>(Fault.class);
    final List<Issued> issued = new ArrayList<>();
    /** Soak milliseconds before which a Retry-After asked the client not to come back. */
    final AtomicLong notBefore = new AtomicLong(Long.MIN_VALUE);

    Stats() {
      for (Fault fault : Fault.values()) {
        faults.put(fault, new AtomicInteger());
      }
    }

    synchronized List<Issued> issued() {
      return List.copyOf(issued);
    }

    synchronized void record(Issued token) {
      issued.add(token);
    }
  }

  private final ProviderEmulator emulator;
  private final LongSupplier clock;
  private final long wallOffsetMillis;
  private final ToLongFunction<Provider> clientSentAt;
  private final Random random;
  private final List<Fault> deck = new ArrayList<>();
  private int dealt;
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient forwarder = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .followRedirects(false)
      .build();
  private final Map<Provider, Stats> stats = new EnumMap<>(Provider.class);
  private final Set<String> tokenValues = ConcurrentHashMap.newKeySet();
  private volatile boolean outage;

  /**
   * @param clock soak milliseconds, the same the traffic measures with
   * @param clientSentAt when the client started its latest token call to {@code provider}, in
   *     soak milliseconds (one is in flight at a time per key)
   * @param seed the fault sequence: the n-th token request gets the n-th card of decks shuffled
   *     with it
   */
  FaultInjectingTokenProxy(ProviderEmulator emulator, LongSupplier clock,
      ToLongFunction<Provider> clientSentAt, long seed) {
    this.emulator = emulator;
    this.clock = clock;
    this.wallOffsetMillis = System.currentTimeMillis() - clock.getAsLong();
    this.clientSentAt = clientSentAt;
    this.random = new Random(seed);
    for (int i = 0; i < 28; i++) {
      deck.add(Fault.NONE);
    }
    for (Fault fault : List.of(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_503,
        Fault.HTTP_503, Fault.HTTP_503, Fault.HTTP_429, Fault.HTTP_429, Fault.DROP_CONNECTION,
        Fault.DROP_CONNECTION, Fault.STALL_2S, Fault.STALL_2S)) {
      deck.add(fault);
    }
    dealt = deck.size();
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      stats.put(provider, new Stats());
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The token URL clients of {@code provider} use instead of the emulator's. */
  String tokenUrl(Provider provider) {
    return server.url("/" + provider.name() + "/token").toString();
  }

  Stats stats(Provider provider) {
    return stats.get(provider);
  }

  /** Every token value the emulator issued through this proxy. */
  Set<String> tokenValues() {
    return Set.copyOf(tokenValues);
  }

  void outage(boolean on) {
    outage = on;
  }

  private MockResponse answer(RecordedRequest request) {
    Provider provider = Provider.valueOf(request.getUrl().pathSegments().get(0));
    Stats stats = this.stats.get(provider);
    long receivedAt = clock.getAsLong();
    long sentAt = Math.min(receivedAt, clientSentAt.applyAsLong(provider));
    stats.requests.incrementAndGet();
    int inFlight = stats.inFlight.incrementAndGet();
    stats.maxInFlight.accumulateAndGet(inFlight, Math::max);
    try {
      if (receivedAt < stats.notBefore.get()) {
        stats.retryAfterViolations.incrementAndGet();
      }
      Fault fault = nextFault();
      stats.faults.get(fault).incrementAndGet();
      return switch (fault) {
        case HTTP_500, HTTP_503 -> error(fault == Fault.HTTP_500 ? 500 : 503, null);
        case HTTP_429 -> {
          int seconds;
          synchronized (random) {
            seconds = 1 + random.nextInt(3);
          }
          // Whole seconds on the wire; allow the client's clock the last 50 ms.
          stats.notBefore.set(clock.getAsLong() + seconds * 1000L - 50);
          yield error(429, seconds);
        }
        case DROP_CONNECTION -> new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket())
            .build();
        case STALL_2S -> {
          pause(Duration.ofSeconds(2));
          yield forward(provider, request, stats, sentAt);
        }
        case NONE -> forward(provider, request, stats, sentAt);
      };
    } finally {
      stats.inFlight.decrementAndGet();
    }
  }

  /** The next card; a deck, not independent draws, so that every kind shows up in a short run. */
  private Fault nextFault() {
    synchronized (random) {
      if (outage) {
        return random.nextBoolean() ? Fault.HTTP_503 : Fault.DROP_CONNECTION;
      }
      if (dealt == deck.size()) {
        java.util.Collections.shuffle(deck, random);
        dealt = 0;
      }
      return deck.get(dealt++);
    }
  }

  /** The share of token requests outside outages that fail. */
  static double faultShare() {
    return 12 / 40.0;
  }

  private MockResponse forward(Provider provider, RecordedRequest request, Stats stats,
      long sentAt) {
    String contentType = request.getHeaders().get("Content-Type");
    Request.Builder upstream = new Request.Builder()
        .url(emulator.tokenUrl(provider))
        .post(RequestBody.create(request.getBody() == null ? new byte[0]
            : request.getBody().toByteArray(), contentType == null ? null : MediaType.get(contentType)));
    for (String name : List.of("Authorization", "Accept")) {
      String value = request.getHeaders().get(name);
      if (value != null) {
        upstream.header(name, value);
      }
    }
    try (Response response = forwarder.newCall(upstream.build()).execute()) {
      String body = response.body().string();
      MockResponse.Builder answer = new MockResponse.Builder().code(response.code()).body(body);
      String type = response.header("Content-Type");
      if (type != null) {
        answer.setHeader("Content-Type", type);
      }
      if (response.isSuccessful()) {
        Matcher token = TOKEN_VALUE.matcher(body);
        if (!token.find()) {
          throw new IllegalStateException("no token in the emulator's " + response.code());
        }
        tokenValues.add(token.group(1));
        stats.tokensIssued.incrementAndGet();
        stats.record(new Issued(sentAt, clock.getAsLong(), expiresAt(body, token.group(1), sentAt)));
      }
      return answer.build();
    } catch (IOException e) {
      return error(502, null);
    }
  }

  /** The expiry as Tokenwise's reader computes it, in soak milliseconds. */
  private long expiresAt(String body, String token, long sentAt) {
    Matcher expiresIn = EXPIRES_IN.matcher(body);
    if (expiresIn.find()) {
      return sentAt + Long.parseLong(expiresIn.group(1)) * 1000;
    }
    String[] parts = token.split("\\.");
    Matcher claims = CLAIM.matcher(new String(Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8));
    Map<String, Long> values = new java.util.HashMap<>();
    while (claims.find()) {
      values.put(claims.group(1), Long.parseLong(claims.group(2)));
    }
    long exp = values.get("exp") * 1000 - wallOffsetMillis;
    return Math.min(exp, sentAt + (values.get("exp") - values.get("iat")) * 1000);
  }

  private static MockResponse error(int status, Integer retryAfterSeconds) {
    MockResponse.Builder answer = new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + (status == 429 ? "rate_limited" : "server_error") + "\"}");
    if (retryAfterSeconds != null) {
      answer.setHeader("Retry-After", retryAfterSeconds);
    }
    return answer.build();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the forwarding connections, so that nothing of the proxy counts as a leak. */
  void evictConnections() {
    forwarder.connectionPool().evictAll();
  }

  @Override
  public void close() {
    server.close();
    forwarder.dispatcher().executorService().shutdown();
    forwarder.connectionPool().evictAll();
  }
}
