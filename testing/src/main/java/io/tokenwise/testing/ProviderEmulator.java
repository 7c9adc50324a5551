package io.tokenwise.testing;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.CredentialsSource;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * An in-process stand-in for the Paxos, Mangopay, Paysway and Papaya Global token endpoints and
 * APIs, plus any OAuth2 client-credentials server ({@link Provider#CUSTOM}), on loopback: your
 * tests run without credentials and without the network.
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
 *   PaxosTransfers paxos = emulator.client(PaxosTransfers.class);
 *   paxos.transfers(10).execute();
 *   assertEquals(1, emulator.tokenRequestCount(Provider.PAXOS));
 *   assertEquals("client_credentials", emulator.takeTokenRequest().form().get("grant_type"));
 * }
 * }</pre>
 *
 * <p>{@link #configure} points any generated client's builder at it, reading the provider from the
 * interface's {@code @TokenEndpoint}. Scripts ({@link #enqueueTokenResponse}, {@link
 * #revokeCurrentToken}, {@link #rateLimitTokenRequests}, ...) may be given while it runs; all
 * methods are thread-safe. With a {@link VirtualClock}, token lifetimes pass only when the test
 * says so. {@link ProviderEmulatorExtension} starts and stops one around each JUnit test.
 */
public final class ProviderEmulator implements AutoCloseable {
  /** The named providers the emulator speaks, in the order of the catalog; CUSTOM is spoken too. */
  public static final List<Provider> PROVIDERS =
      List.of(Provider.PAXOS, Provider.MANGOPAY, Provider.PAYSWAY, Provider.PAPAYA_GLOBAL);

  /** How many token requests and API calls per provider are kept for assertions. */
  static final int RECORDED = 10_000;


  /** The kind of token Papaya Global's emulated endpoint issues. */
  public enum PapayaToken {
    /** A signed JWT with {@code iat} and {@code exp}, as Papaya documents (the default). */
    JWT,
    /** An opaque string: the expiry is only in the minute-precision {@code valid_until}. */
    OPAQUE
  }

  private final Clock clock;
  private final TokenStore tokens;
  private final Map<Provider, EmulatedProvider> providers = new EnumMap<>(Provider.class);
  private final Map<Provider, MockWebServer> servers = new EnumMap<>(Provider.class);
  /** How long {@code takeTokenRequest} waits; shorter in this module's own tests. */
  volatile Duration takeTimeout = Duration.ofSeconds(10);
  /** Token requests not yet taken, oldest first, at most {@link #RECORDED}. */
  private final Deque<TokenRequest> untaken = new ArrayDeque<>();
  private volatile Consumer<TokenRequest> tokenRequestListener = request -> { };

  private ProviderEmulator(Clock clock) {
    this.clock = clock;
    this.tokens = new TokenStore(clock);
    EmulatedProvider.Recorder recorder = new EmulatedProvider.Recorder() {
      @Override
      public void tokenRequest(TokenRequest request) {
        recordTokenRequest(request);
      }

      @Override
      public void beforeAnswer(TokenRequest request) {
        tokenRequestListener.accept(request);
      }
    };
    add(new EmulatedPaxos(tokens,
        ClientCredentials.of("paxos-emulator-client", "paxos-emulator-secret"),
        Duration.ofHours(1), recorder));
    add(new EmulatedMangopay(tokens,
        ClientCredentials.of("mangopay-emulator-client", "mangopay-emulator-api-key"),
        Duration.ofSeconds(1199), recorder));
    add(new EmulatedPaysway(tokens,
        ClientCredentials.of("paysway-emulator-client", "paysway-emulator-secret"),
        Duration.ofHours(1), recorder));
    add(new EmulatedPapaya(tokens,
        ClientCredentials.of("papaya-emulator-api-key", "papaya-emulator-client-secret"),
        Duration.ofHours(24), recorder));
    add(new EmulatedCustom(tokens,
        ClientCredentials.of("custom-emulator-client", "custom-emulator-secret"),
        Duration.ofHours(1), recorder));
  }

  private void add(EmulatedProvider emulated) {
    providers.put(emulated.provider, emulated);
  }

  /** Starts an emulator on the system clock, one free loopback port per provider. */
  public static ProviderEmulator start() {
    return start(Clock.systemUTC());
  }

  /**
   * Starts an emulator whose token lifetimes are measured on {@code clock}, typically a {@link
   * VirtualClock}; {@link #configure} gives clients the same clock.
   */
  public static ProviderEmulator start(Clock clock) {
    ProviderEmulator emulator =
        new ProviderEmulator(Objects.requireNonNull(clock, "clock == null"));
    try {
      for (EmulatedProvider emulated : emulator.providers.values()) {
        emulator.listen(emulated);
      }
    } catch (IOException e) {
      emulator.close();
      throw new UncheckedIOException("could not listen on loopback", e);
    }
    EmulatedMangopay mangopay = (EmulatedMangopay) emulator.providers.get(Provider.MANGOPAY);
    mangopay.scaRedirectBase = emulator.origin(Provider.MANGOPAY) + "/sca/";
    return emulator;
  }

  private void listen(EmulatedProvider emulated) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        // The emulator keeps its own records: MockWebServer's own queue would only grow.
        while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
          // drained
        }
        try {
          return emulated.handle(new HttpCall(request));
        } catch (RuntimeException e) {
          // An emulator bug must be loud, not a hanging client.
          return new MockResponse.Builder().code(500)
              .setHeader("Content-Type", "application/json; charset=utf-8")
              .body(HttpCall.toJson(HttpCall.object("error", "emulator failure: " + e)))
              .build();
        }
      }
    });
    servers.put(emulated.provider, server);
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  private EmulatedProvider emulated(Provider provider) {
    Objects.requireNonNull(provider, "provider == null");
    return providers.get(provider);
  }

  private String origin(Provider provider) {
    InetSocketAddress address = servers.get(emulated(provider).provider).getSocketAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  // ---------------------------------------------------------------- pointing clients at it

  /** The clock token lifetimes are measured on; {@link #configure} gives it to clients. */
  public Clock clock() {
    return clock;
  }

  /**
   * Points a generated client's builder at this emulator: the provider's token URL, its API base
   * URL (for CUSTOM, this emulator's host with the annotation's base path), the credentials it
   * accepts and the emulator's clock. The provider comes from the interface's
   * {@code @TokenEndpoint}. Settings given after this call win:
   *
   * <pre>{@code
   * PaxosTransfers paxos = emulator.configure(PaxosTransfersClient.builder())
   *     .okHttpClient(myOkHttp)
   *     .build();
   * }</pre>
   *
   * <p>Because it sets the clock, a client built without a {@code tokenCache} gets a cache of its
   * own (no token shared between tests); a {@code TokenCache} you give must run on {@link
   * #clock()}.
   *
   * @return {@code builder}, for chaining
   */
  public <B extends ClientBuilder<?, B>> B configure(B builder) {
    Objects.requireNonNull(builder, "builder == null");
    configure(builder.api(), builder);
    return builder;
  }

  private void configure(Class<?> api, ClientBuilder<?, ?> builder) {
    Provider provider = api.getAnnotation(TokenEndpoint.class).provider();
    builder.credentials(credentials(provider))
        .tokenUrl(tokenUrl(provider))
        .baseUrl(baseUrl(api))
        .clock(clock);
  }

  /** The generated builder of {@code api}, already {@link #configure configured}. */
  public <T> ClientBuilder<T, ?> builder(Class<T> api) {
    Objects.requireNonNull(api, "api == null");
    ClientBuilder<T, ?> builder = GeneratedClients.builder(api);
    configure(api, builder);
    return builder;
  }

  /** A client of {@code api} pointed at this emulator, with the credentials it accepts. */
  public <T> T client(Class<T> api) {
    return builder(api).build();
  }

  /** A client of {@code api} pointed at this emulator, authenticating with {@code credentials}. */
  public <T> T client(Class<T> api, ClientCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials == null");
    ClientBuilder<T, ?> builder = builder(api);
    builder.credentials(credentials);
    return builder.build();
  }

  /**
   * For injected clients (Guice, Dagger, Spring): the emulator's credentials for every provider,
   * and every client pointed at the emulator as {@link #configure} does.
   */
  public CredentialsSource credentialsSource() {
    return new CredentialsSource() {
      @Override
      public ClientCredentials credentials(Provider provider) {
        return ProviderEmulator.this.credentials(provider);
      }

      @Override
      public void configure(Class<?> api, ClientBuilder<?, ?> builder) {
        ProviderEmulator.this.configure(api, builder);
      }
    };
  }

  /** The provider's token URL, e.g. {@code http://127.0.0.1:50123/oauth2/token} for Paxos. */
  public String tokenUrl(Provider provider) {
    return origin(provider) + emulated(provider).tokenPath();
  }

  /**
   * The provider's API base URL, ending in {@code /}. Mangopay's contains {@code {clientId}},
   * which the client fills in, just as with the real one. CUSTOM's is the emulator's root: any
   * path but the token endpoint's is a protected resource.
   */
  public String baseUrl(Provider provider) {
    return origin(provider) + emulated(provider).basePath();
  }

  /** The base URL for clients of {@code api}: CUSTOM keeps the annotation's base path. */
  private String baseUrl(Class<?> api) {
    TokenEndpoint endpoint = api.getAnnotation(TokenEndpoint.class);
    HttpUrl declared = HttpUrl.parse(endpoint.baseUrl());
    if (endpoint.provider() != Provider.CUSTOM || declared == null) {
      return baseUrl(endpoint.provider());
    }
    return origin(Provider.CUSTOM) + declared.encodedPath();
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

  // ---------------------------------------------------------------- scripting

  /**
   * The lifetime of the provider's tokens. Defaults: Paxos, Paysway and CUSTOM 1 h, Mangopay
   * 1199 s (its sandbox), Papaya 24 h. A Papaya request's {@code expiration} overrides it.
   */
  public Duration tokenLifetime(Provider provider) {
    return emulated(provider).lifetime;
  }

  /** Issues the provider's tokens for {@code lifetime} (whole seconds, at least 1 s). */
  public ProviderEmulator tokenLifetime(Provider provider, Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime == null");
    if (lifetime.toSeconds() < 1) {
      throw new IllegalArgumentException("token lifetime must be at least 1 s: " + lifetime);
    }
    emulated(provider).lifetime = Duration.ofSeconds(lifetime.toSeconds());
    return this;
  }

  /**
   * Answers the provider's next token request with {@code response} instead of the usual answer;
   * scripts queue up, one per request, before the usual answers resume.
   */
  public ProviderEmulator enqueueTokenResponse(Provider provider, TokenResponse response) {
    return enqueueTokenResponses(provider, 1, response);
  }

  /** Answers the provider's next {@code count} token requests with {@code response}. */
  public ProviderEmulator enqueueTokenResponses(Provider provider, int count,
      TokenResponse response) {
    Objects.requireNonNull(response, "response == null");
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    EmulatedProvider emulated = emulated(provider);
    for (int i = 0; i < count; i++) {
      emulated.enqueue(response);
    }
    return this;
  }

  /**
   * Replaces the provider's scripted answers with {@code count} errors {@code status} in the
   * provider's own error body ({@code count} 0 clears the script).
   */
  public ProviderEmulator failTokenRequests(Provider provider, int count, int status) {
    return failTokenRequests(provider, count, status, null);
  }

  /** As {@link #failTokenRequests(Provider, int, int)}, with a {@code Retry-After} in seconds. */
  public ProviderEmulator failTokenRequests(Provider provider, int count, int status,
      Duration retryAfter) {
    TokenResponse error = TokenResponse.error(status);
    emulated(provider).clearScripts();
    return enqueueTokenResponses(provider, count,
        retryAfter == null ? error : error.retryAfter(retryAfter));
  }

  /** Answers every token request of the provider only after {@code delay} (wall-clock time). */
  public ProviderEmulator delayTokenResponses(Provider provider, Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    emulated(provider).tokenDelay = delay;
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
   * Revokes the token the provider issued last, as a provider does when a secret is rotated or
   * a token leaks: API calls carrying it get 401.
   *
   * @throws IllegalStateException when the provider has issued no token yet
   */
  public ProviderEmulator revokeCurrentToken(Provider provider) {
    List<String> issued = issuedTokens(provider);
    if (issued.isEmpty()) {
      throw new IllegalStateException(provider + " has issued no token to revoke");
    }
    tokens.revoke(issued.get(issued.size() - 1));
    return this;
  }

  /**
   * From now on, a token the provider issues revokes the tokens it issued to that client before
   * (as some providers allow one live token per client); {@code false} lets them live on.
   */
  public ProviderEmulator invalidatePreviousTokenOnIssue(Provider provider, boolean enabled) {
    emulated(provider).singleActiveToken = enabled;
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

  /**
   * Grants at most these scopes from now on: a token request asking for more gets a token (and a
   * {@code scope} in the answer) with only those it asked for that are listed here, as OAuth2
   * servers may (RFC 6749 3.3). For the providers that take scopes: PAXOS and CUSTOM.
   */
  public ProviderEmulator grantOnlyScopes(Provider provider, String... scopes) {
    if (provider != Provider.PAXOS && provider != Provider.CUSTOM) {
      throw new IllegalArgumentException(provider + " tokens carry no scopes");
    }
    emulated(provider).grantOnly = Set.of(scopes);
    return this;
  }

  /**
   * Lets the Paxos client ask only for these scopes; a token request asking for another gets 400
   * {@code invalid_scope}. By default every scope of the Paxos catalog may be asked for.
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

  /**
   * Admits at most {@code permits} token requests of the provider in any {@code window} of the
   * emulator's clock; the others get 429 with {@code Retry-After} (whole seconds until a permit
   * frees) and the provider's error body. Scripted answers are given regardless.
   */
  public ProviderEmulator rateLimitTokenRequests(Provider provider, int permits, Duration window) {
    emulated(provider).tokenRateLimit = new RateLimit(permits, window);
    return this;
  }

  /** As {@link #rateLimitTokenRequests}, for the provider's API calls. */
  public ProviderEmulator rateLimitApiCalls(Provider provider, int permits, Duration window) {
    emulated(provider).apiRateLimit = new RateLimit(permits, window);
    return this;
  }

  /**
   * Calls {@code listener} with every token request, of any provider, once it is recorded and
   * before it is answered; the client waits for its answer while the listener runs. For acting at
   * the exact moment a refresh reaches the server: pausing it, killing the process that sent it,
   * taking a dependency down. It runs on the emulator's thread serving that request, so several
   * may run at once; what it throws becomes a 500 answer. Replaces any earlier listener.
   */
  public ProviderEmulator onTokenRequest(Consumer<TokenRequest> listener) {
    tokenRequestListener = Objects.requireNonNull(listener, "listener == null");
    return this;
  }

  /** Lifts the provider's rate limits on token requests and API calls. */
  public ProviderEmulator removeRateLimits(Provider provider) {
    EmulatedProvider emulated = emulated(provider);
    emulated.tokenRateLimit = null;
    emulated.apiRateLimit = null;
    return this;
  }

  // ---------------------------------------------------------------- assertions

  private void recordTokenRequest(TokenRequest request) {
    synchronized (untaken) {
      if (untaken.size() == RECORDED * providers.size()) {
        untaken.removeFirst();
      }
      untaken.addLast(request);
      untaken.notifyAll();
    }
  }

  /**
   * The oldest token request not taken yet, of any provider, waiting up to 10 s for one to
   * arrive (a background refresh may still be on its way).
   *
   * @throws AssertionError when none arrives in time
   */
  public TokenRequest takeTokenRequest() {
    return take(request -> true, "token request");
  }

  /** As {@link #takeTokenRequest()}, for the provider's token requests only. */
  public TokenRequest takeTokenRequest(Provider provider) {
    emulated(provider);
    return take(request -> request.provider() == provider, provider + " token request");
  }

  private TokenRequest take(Predicate<TokenRequest> wanted, String what) {
    Duration timeout = takeTimeout;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (untaken) {
      while (true) {
        for (Iterator<TokenRequest> i = untaken.iterator(); i.hasNext(); ) {
          TokenRequest request = i.next();
          if (wanted.test(request)) {
            i.remove();
            return request;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("No " + what + " arrived within "
              + timeout.toMillis() / 1000.0 + " s");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(untaken, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("Interrupted while waiting for a " + what, e);
        }
      }
    }
  }

  /** The provider's last token request, taken or not. */
  public Optional<TokenRequest> lastTokenRequest(Provider provider) {
    return Optional.ofNullable(emulated(provider).lastTokenRequest.get());
  }

  /**
   * The token requests the provider received, taken or not, oldest first (at least the last
   * {@value #RECORDED}); with {@link TokenRequest#receivedAt} they show how far apart refreshes
   * came.
   */
  public List<TokenRequest> tokenRequests(Provider provider) {
    return List.copyOf(new ArrayList<>(emulated(provider).tokenRequestLog));
  }

  /** Requests the provider's token endpoint received, whatever their answer. */
  public int tokenRequestCount(Provider provider) {
    return emulated(provider).tokenRequests.get();
  }

  /** Token requests of every provider. */
  public int tokenRequestCount() {
    return providers.values().stream().mapToInt(p -> p.tokenRequests.get()).sum();
  }

  /** Tokens the provider issued. */
  public int issuedTokenCount(Provider provider) {
    return emulated(provider).tokensIssued.get();
  }

  /** The token values the provider issued, oldest first (at least the last {@value #RECORDED}). */
  public List<String> issuedTokens(Provider provider) {
    return List.copyOf(emulated(provider).issued);
  }

  /** Requests to the provider's API (everything but the token endpoint), whatever their answer. */
  public int apiCallCount(Provider provider) {
    return emulated(provider).apiCallCount.get();
  }

  /** API calls refused with 401 for a missing, unknown, revoked or expired token. */
  public int rejectedApiCallCount(Provider provider) {
    return emulated(provider).rejectedApiCalls.get();
  }

  /**
   * The provider's API calls, oldest first (at least the last {@value #RECORDED}): the bearer
   * each carried and the status it got.
   */
  public List<ApiCall> apiCalls(Provider provider) {
    return List.copyOf(new ArrayList<>(emulated(provider).apiCalls));
  }

  /** Sets every counter to zero and forgets recorded requests and calls; scripts stay. */
  public ProviderEmulator resetCounters() {
    providers.values().forEach(EmulatedProvider::resetCounters);
    synchronized (untaken) {
      untaken.clear();
    }
    return this;
  }

  /** Stops listening and ends the emulator's threads. */
  @Override
  public void close() {
    for (MockWebServer server : servers.values()) {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "ProviderEmulator" + servers.keySet();
  }
}
