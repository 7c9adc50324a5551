package io.tokenwise.examples.emulator;

import com.sun.net.httpserver.HttpServer;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for the Paxos, Mangopay, Paysway and Papaya Global token endpoints and
 * APIs, on loopback, for tests and demos: no credentials, no network.
 *
 * <p>Each provider gets its own port so that its paths are exactly the real ones ({@code
 * /oauth2/token} and {@code /v2/...} for Paxos, {@code /v2.01/oauth/token} and {@code
 * /v2.01/{ClientId}/...} for Mangopay, and so on). Token requests are checked the way the provider
 * checks them and refused with its own error body; API calls need a live token of that provider
 * (expired or revoked ones get 401), Paxos operations need their scopes (403 otherwise) and
 * Mangopay paths the token's client id.
 *
 * <pre>{@code
 * try (ProviderEmulator emulator = ProviderEmulator.start()) {
 *   PaxosTransfers paxos = PaxosTransfersClient.builder()
 *       .credentials(emulator.credentials(Provider.PAXOS))
 *       .tokenUrl(emulator.tokenUrl(Provider.PAXOS))
 *       .baseUrl(emulator.baseUrl(Provider.PAXOS))
 *       .tokenCache(TokenCache.create())
 *       .build();
 *   paxos.transfers(10).execute();
 *   assertEquals(1, emulator.tokenRequests(Provider.PAXOS));
 * }
 * }</pre>
 *
 * <p>Every knob may be turned while the emulator runs; all methods are thread-safe.
 */
public final class ProviderEmulator implements AutoCloseable {
  /** The providers the emulator speaks, in the order of DESIGN.md's catalog. */
  public static final List<Provider> PROVIDERS =
      List.of(Provider.PAXOS, Provider.MANGOPAY, Provider.PAYSWAY, Provider.PAPAYA_GLOBAL);

  /** The kind of token Papaya Global's emulated endpoint issues. */
  public enum PapayaToken {
    /** A signed JWT with {@code iat} and {@code exp}, as Papaya documents (the default). */
    JWT,
    /** An opaque string: clients can learn the expiry only from the minute-precision {@code valid_until}. */
    OPAQUE
  }

  /**
   * A request as the emulator received it.
   *
   * @param method the HTTP method
   * @param target the raw path and query, e.g. {@code /v2/transfer/transfers?limit=10}
   * @param headers header values by lower-case name (repeated headers joined with {@code ", "})
   * @param body the body as UTF-8 text, empty when none
   */
  public record RecordedRequest(String method, String target, Map<String, String> headers,
      String body) {
    /** Copies the headers. */
    public RecordedRequest {
      headers = Map.copyOf(headers);
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Method, target and header names only: bodies and headers carry secrets. */
    @Override
    public String toString() {
      return "RecordedRequest{" + method + " " + target + ", headers=" + headers.keySet()
          + ", body=" + body.length() + " chars}";
    }
  }

  private final TokenStore tokens;
  private final ExecutorService executor;
  private final Map<Provider, EmulatedProvider> providers = new EnumMap<>(Provider.class);
  private final Map<Provider, HttpServer> servers = new EnumMap<>(Provider.class);

  private ProviderEmulator(Clock clock) {
    this.tokens = new TokenStore(clock);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "provider-emulator-" + threads.incrementAndGet());
      thread.setDaemon(true); // a forgotten close() must not keep a JVM alive
      return thread;
    });
    providers.put(Provider.PAXOS, new EmulatedPaxos(tokens,
        ClientCredentials.of("paxos-emulator-client", "paxos-emulator-secret"),
        Duration.ofHours(1)));
    providers.put(Provider.MANGOPAY, new EmulatedMangopay(tokens,
        ClientCredentials.of("mangopay-emulator-client", "mangopay-emulator-api-key"),
        Duration.ofSeconds(1199)));
    providers.put(Provider.PAYSWAY, new EmulatedPaysway(tokens,
        ClientCredentials.of("paysway-emulator-client", "paysway-emulator-secret"),
        Duration.ofHours(1)));
    providers.put(Provider.PAPAYA_GLOBAL, new EmulatedPapaya(tokens,
        ClientCredentials.of("papaya-emulator-api-key", "papaya-emulator-client-secret"),
        Duration.ofHours(24)));
  }

  /** Starts an emulator on the system clock, one random loopback port per provider. */
  public static ProviderEmulator start() {
    return start(Clock.systemUTC());
  }

  /**
   * Starts an emulator whose token lifetimes are measured on {@code clock}: give it the clock of
   * your {@code TokenCache} and tests can move time forward past refresh points and expiries.
   */
  public static ProviderEmulator start(Clock clock) {
    ProviderEmulator emulator = new ProviderEmulator(Objects.requireNonNull(clock, "clock == null"));
    try {
      for (Provider provider : PROVIDERS) {
        emulator.listen(provider);
      }
    } catch (IOException e) {
      emulator.close();
      throw new UncheckedIOException("could not listen on loopback", e);
    }
    EmulatedMangopay mangopay = (EmulatedMangopay) emulator.providers.get(Provider.MANGOPAY);
    mangopay.scaRedirectBase = emulator.origin(Provider.MANGOPAY) + "/sca/";
    return emulator;
  }

  private void listen(Provider provider) throws IOException {
    EmulatedProvider emulated = providers.get(provider);
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        HttpCall call = new HttpCall(exchange);
        try {
          emulated.handle(call);
        } catch (RuntimeException e) {
          // An emulator bug must be loud, not a hanging client.
          e.printStackTrace();
          call.respond(500, HttpCall.object("error", "emulator failure: " + e));
        }
      }
    });
    server.start();
    servers.put(provider, server);
  }

  private EmulatedProvider emulated(Provider provider) {
    Objects.requireNonNull(provider, "provider == null");
    EmulatedProvider emulated = providers.get(provider);
    if (emulated == null) {
      throw new IllegalArgumentException("The emulator speaks " + PROVIDERS + ", not " + provider);
    }
    return emulated;
  }

  private String origin(Provider provider) {
    emulated(provider);
    InetSocketAddress address = servers.get(provider).getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** The provider's token URL, e.g. {@code http://127.0.0.1:50123/oauth2/token} for Paxos. */
  public String tokenUrl(Provider provider) {
    return origin(provider) + emulated(provider).tokenPath();
  }

  /**
   * The provider's API base URL, ending in {@code /}. Mangopay's contains {@code {clientId}},
   * which the client fills in, just as with the real one.
   */
  public String baseUrl(Provider provider) {
    return origin(provider) + emulated(provider).basePath();
  }

  /** The credentials the provider accepts (each has a default, so none need be configured). */
  public ClientCredentials credentials(Provider provider) {
    return emulated(provider).credentials;
  }

  /** Accepts only {@code credentials} for {@code provider} from now on. */
  public ProviderEmulator credentials(Provider provider, ClientCredentials credentials) {
    emulated(provider).credentials = Objects.requireNonNull(credentials, "credentials == null");
    return this;
  }

  /**
   * The lifetime of the provider's tokens. Defaults: Paxos and Paysway 1 h, Mangopay 1199 s (its
   * sandbox), Papaya 24 h. A Papaya request's {@code expiration} overrides it.
   */
  public Duration tokenLifetime(Provider provider) {
    return emulated(provider).lifetime;
  }

  /** Issues the provider's tokens for {@code lifetime} (whole seconds, at least 1 s) from now on. */
  public ProviderEmulator tokenLifetime(Provider provider, Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime == null");
    if (lifetime.toSeconds() < 1) {
      throw new IllegalArgumentException("token lifetime must be at least 1 s: " + lifetime);
    }
    emulated(provider).lifetime = Duration.ofSeconds(lifetime.toSeconds());
    return this;
  }

  /**
   * Lets the Paxos client be granted only these scopes; a token request asking for another gets
   * 400 {@code invalid_scope}. By default every scope of the Paxos catalog is grantable.
   */
  public ProviderEmulator paxosGrantableScopes(String... scopes) {
    ((EmulatedPaxos) emulated(Provider.PAXOS)).grantable = Set.of(scopes);
    return this;
  }

  /** Whether Papaya Global issues JWTs (the default) or opaque tokens. */
  public ProviderEmulator papayaTokens(PapayaToken format) {
    ((EmulatedPapaya) emulated(Provider.PAPAYA_GLOBAL)).tokenFormat =
        Objects.requireNonNull(format, "format == null");
    return this;
  }

  /** Revokes every token issued so far: API calls carrying one get 401. */
  public ProviderEmulator revokeTokens() {
    tokens.revokeAll();
    return this;
  }

  /** Revokes every token {@code provider} has issued so far. */
  public ProviderEmulator revokeTokens(Provider provider) {
    tokens.revoke(emulated(provider).provider);
    return this;
  }

  /**
   * Answers the provider's next {@code count} token requests with {@code status} and the
   * provider's error body ({@code count} 0 cancels).
   */
  public ProviderEmulator failTokenRequests(Provider provider, int count, int status) {
    return failTokenRequests(provider, count, status, null);
  }

  /** As {@link #failTokenRequests(Provider, int, int)}, with a {@code Retry-After} in seconds. */
  public ProviderEmulator failTokenRequests(Provider provider, int count, int status,
      Duration retryAfter) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    emulated(provider).failNext(count, status, retryAfter);
    return this;
  }

  /** Answers the provider's token requests only after {@code delay} (wall-clock time). */
  public ProviderEmulator delayTokenResponses(Provider provider, Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    emulated(provider).tokenDelay = delay;
    return this;
  }

  /**
   * Answers Mangopay's next {@code calls} API calls that carry a live token with 401 and {@code
   * WWW-Authenticate: PendingUserAction RedirectUrl=...}: strong customer authentication, which a
   * new token does not cure.
   */
  public ProviderEmulator requireStrongCustomerAuthentication(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls < 0: " + calls);
    }
    ((EmulatedMangopay) emulated(Provider.MANGOPAY)).scaChallenges.set(calls);
    return this;
  }

  /** Requests the provider's token endpoint received, whatever their outcome. */
  public int tokenRequests(Provider provider) {
    return emulated(provider).tokenRequests.get();
  }

  /** Tokens the provider issued. */
  public int tokensIssued(Provider provider) {
    return emulated(provider).tokensIssued.get();
  }

  /** Requests to the provider's API (everything but the token endpoint), whatever their outcome. */
  public int apiCalls(Provider provider) {
    return emulated(provider).apiCalls.get();
  }

  /** API calls refused with 401 for a missing, unknown, revoked or expired token. */
  public int rejectedApiCalls(Provider provider) {
    return emulated(provider).rejectedApiCalls.get();
  }

  /** The provider's last token request, to assert on the exact bytes a client sent. */
  public Optional<RecordedRequest> lastTokenRequest(Provider provider) {
    return Optional.ofNullable(emulated(provider).lastTokenRequest.get());
  }

  /** Sets every counter to zero and forgets the last token requests. */
  public ProviderEmulator resetCounters() {
    providers.values().forEach(EmulatedProvider::resetCounters);
    return this;
  }

  /** Stops listening and ends the emulator's threads. */
  @Override
  public void close() {
    servers.values().forEach(server -> server.stop(0));
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "ProviderEmulator" + servers.keySet();
  }
}
