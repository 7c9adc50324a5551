package io.tokenwise;

import com.squareup.moshi.Moshi;
import io.tokenwise.internal.ProviderCatalog;
import io.tokenwise.internal.ProviderSpec;
import io.tokenwise.internal.UrlRules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The builder of every generated client ({@code PaxosTransfersClient.builder()}). It starts from
 * the interface's {@link TokenEndpoint}; each setting given here overrides the annotation's.
 *
 * <pre>{@code
 * PaxosTransfers paxos = PaxosTransfersClient.builder()
 *     .credentials(ClientCredentials.fromEnvironment(Provider.PAXOS))
 *     .env(Env.PRODUCTION)
 *     .okHttpClient(sharedOkHttp)      // its pool and dispatcher are shared, not copied
 *     .build();
 * }</pre>
 *
 * @param <T> the annotated service interface
 * @param <B> the concrete builder ({@link GeneratedClient.Builder}), so that every setter returns it
 */
public abstract class ClientBuilder<T, B extends ClientBuilder<T, B>> {
  private static final System.Logger LOG = System.getLogger("io.tokenwise.ClientBuilder");
  private static final String HTTP_LOGGING_INTERCEPTOR = "okhttp3.logging.HttpLoggingInterceptor";

  private final Class<T> api;
  /** The interface's endpoint as declared; URLs null where the provider's own apply. */
  private final Provider provider;
  private final Env declaredEnv;
  private final AuthStyle declaredStyle;
  private final String declaredTokenUrl;
  private final String declaredBaseUrl;
  private final List<String> scopes;
  private ClientCredentials credentials;
  private Env env;
  private String baseUrl;
  private String tokenUrl;
  private OkHttpClient okHttpClient;
  private TokenCache tokenCache;
  private Clock clock;
  private Moshi moshi;
  private String tokenName;
  private Duration tokenExpiration;
  private List<String> alsoSendTokenTo = List.of();
  private final List<Converter.Factory> converterFactories = new ArrayList<>();
  private final List<CallAdapter.Factory> callAdapterFactories = new ArrayList<>();

  /**
   * For {@link GeneratedClient.Builder}: the interface's {@code @TokenEndpoint} as the processor
   * resolved and checked it at compile time, so that the runtime checks only what is set at run
   * time.
   *
   * @param authStyle the resolved style, never {@code DEFAULT}
   * @param tokenUrl the annotation's token URL, or null for the provider's own in the env used
   * @param baseUrl the annotation's base URL, or null for the provider's own in the env used
   * @param scopes the declared scopes, in declared order
   */
  ClientBuilder(Class<T> api, Provider provider, Env env, AuthStyle authStyle,
      String tokenUrl, String baseUrl, String... scopes) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.declaredEnv = Objects.requireNonNull(env, "env == null");
    this.declaredStyle = Objects.requireNonNull(authStyle, "authStyle == null");
    this.declaredTokenUrl = tokenUrl;
    this.declaredBaseUrl = baseUrl;
    this.scopes = List.of(scopes);
  }

  /**
   * For builders written by hand (tests, clients built without the processor): reads {@code
   * api}'s {@code @TokenEndpoint} at run time.
   */
  protected ClientBuilder(Class<T> api) {
    this(api, declared(api));
  }

  private ClientBuilder(Class<T> api, TokenEndpoint endpoint) {
    this(api, endpoint.provider(), endpoint.env(), endpoint.authStyle(),
        endpoint.tokenUrl().isEmpty() ? null : endpoint.tokenUrl(),
        endpoint.baseUrl().isEmpty() ? null : endpoint.baseUrl(), endpoint.scopes());
  }

  private static TokenEndpoint declared(Class<?> api) {
    Objects.requireNonNull(api, "api == null");
    TokenEndpoint endpoint = api.getAnnotation(TokenEndpoint.class);
    if (endpoint == null) {
      throw new IllegalArgumentException(api.getName() + " is not annotated @TokenEndpoint:"
          + " annotate it with its provider, or build a client of an interface that is");
    }
    return endpoint;
  }

  /** The builder itself, as its own type. */
  protected abstract B self();

  /** The annotated interface this builder builds. */
  public final Class<T> api() {
    return api;
  }

  /** The interface's provider. */
  public final Provider provider() {
    return provider;
  }

  /** The client id and secret (required). */
  public B credentials(ClientCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    return self();
  }

  /** The environment, overriding the annotation's. */
  public B env(Env env) {
    this.env = Objects.requireNonNull(env, "env == null");
    return self();
  }

  /**
   * The API base URL, overriding the annotation's and the catalog's. Absolute, https (http only
   * on loopback), ending in {@code /}; may contain {@code {clientId}}.
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    return self();
  }

  /** The token URL, overriding the annotation's and the catalog's. https (http only on loopback). */
  public B tokenUrl(String tokenUrl) {
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
    return self();
  }

  /**
   * More origins (scheme, host and port, such as {@code https://files.example.com}) that API
   * calls may carry the bearer token to, besides the base URL's. By default a call to any other
   * origin (a Retrofit {@code @Url} pointing elsewhere) goes out without it. https only (http
   * only on loopback); replaces the origins given before.
   */
  public B alsoSendTokenTo(String... origins) {
    Objects.requireNonNull(origins, "origins == null");
    for (String origin : origins) {
      Objects.requireNonNull(origin, "origin == null");
    }
    this.alsoSendTokenTo = List.of(origins);
    return self();
  }

  /**
   * The client to build on: its connection pool, dispatcher, TLS (a client certificate for
   * Mangopay's mutual TLS) and interceptors are used for API calls. Token requests use the same
   * pool and TLS but none of its interceptors, redirects or cache. An OkHttp {@code
   * HttpLoggingInterceptor} added as a network interceptor is told to redact {@code Authorization}.
   */
  public B okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return self();
  }

  /** The cache to share tokens through; {@link TokenCache#shared()} by default. */
  public B tokenCache(TokenCache tokenCache) {
    this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache == null");
    return self();
  }

  /**
   * The clock token lifetimes are measured with. Without {@link #tokenCache}, the client gets a
   * cache of its own on this clock; with one, set the clock on the cache instead.
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  /** The Moshi instance for request and response bodies (for your own adapters). */
  public B moshi(Moshi moshi) {
    this.moshi = Objects.requireNonNull(moshi, "moshi == null");
    return self();
  }

  /**
   * A converter for API request and response bodies (Jackson, Gson, Protobuf, ...), asked before
   * Moshi, which stays the default for types no added converter takes. Token requests do not use
   * it: they keep their own parsing.
   */
  public B addConverterFactory(Converter.Factory factory) {
    converterFactories.add(Objects.requireNonNull(factory, "factory == null"));
    return self();
  }

  /**
   * A call adapter for API return types other than {@code Call<T>} (RxJava, Guava futures, ...),
   * asked in the order added, before Retrofit's built-in ones.
   */
  public B addCallAdapterFactory(CallAdapter.Factory factory) {
    callAdapterFactories.add(Objects.requireNonNull(factory, "factory == null"));
    return self();
  }

  /** Papaya Global only: the {@code token_name} to send. */
  public B tokenName(String tokenName) {
    this.tokenName = Objects.requireNonNull(tokenName, "tokenName == null");
    return self();
  }

  /** Papaya Global only: the token lifetime to ask for ({@code expiration}, default 24 h). */
  public B tokenExpiration(Duration expiration) {
    Objects.requireNonNull(expiration, "expiration == null");
    if (expiration.toSeconds() < 1) {
      throw new IllegalArgumentException("tokenExpiration must be at least 1 s: " + expiration);
    }
    this.tokenExpiration = expiration;
    return self();
  }

  /**
   * The client.
   *
   * @throws IllegalStateException when a required setting is missing (credentials, a URL the
   *     provider does not publish, an auth style for CUSTOM), or when the class path holds an
   *     OkHttp, Okio or Kotlin standard library too old for Tokenwise, or two copies of one
   * @throws IllegalArgumentException when a setting is invalid (a non-https URL, a base URL not
   *     ending in {@code /}, an origin with a path)
   */
  public T build() {
    return retrofit().create(api);
  }

  /** The configured Retrofit, before it creates the service. */
  Retrofit retrofit() {
    ClassPathCheck.verify();
    if (credentials == null) {
      throw new IllegalStateException("credentials are required: call credentials("
          + "ClientCredentials.fromEnvironment(Provider." + provider + ")) or"
          + " credentials(ClientCredentials.of(clientId, secret))");
    }
    ProviderSpec spec = ProviderCatalog.spec(provider);
    Env env = this.env != null ? this.env : declaredEnv;
    AuthStyle style = spec.resolveAuthStyle(declaredStyle).orElseThrow(() ->
        new IllegalStateException(api.getName() + ": a " + spec.displayName() + " needs an auth"
            + " style: set @TokenEndpoint(authStyle = AuthStyle.CLIENT_SECRET_POST) or another"));
    String base = pick(baseUrl, declaredBaseUrl, spec.baseUrl(env).orElse(null));
    String token = pick(tokenUrl, declaredTokenUrl, spec.tokenUrl(env).orElse(null));
    if (base == null) {
      throw new IllegalStateException(provider + " publishes no " + env + " API base URL:"
          + " call baseUrl(\"https://.../\") on the builder");
    }
    if (token == null) {
      throw new IllegalStateException(provider + " publishes no " + env + " token URL:"
          + " call tokenUrl(\"https://...\") on the builder");
    }
    String clientIdSegment = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
        .replace("+", "%20");
    // The placeholder may arrive percent-encoded, from an HttpUrl's toString().
    HttpUrl baseHttpUrl = checkUrl("baseUrl", base
        .replace(ProviderSpec.CLIENT_ID_PLACEHOLDER, clientIdSegment)
        .replaceAll("(?i)%7BclientId%7D", clientIdSegment));
    if (!baseHttpUrl.encodedPath().endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end in /: " + UrlRules.redact(base));
    }
    HttpUrl tokenHttpUrl = checkUrl("tokenUrl", token);
    List<HttpUrl> origins = new ArrayList<>();
    origins.add(baseHttpUrl);
    for (String origin : alsoSendTokenTo) {
      origins.add(checkOrigin(origin));
    }

    TokenCache cache = tokenCache;
    if (cache == null) {
      cache = clock == null ? TokenCache.shared() : TokenCache.builder().clock(clock).build();
    } else if (clock != null && !clock.equals(cache.settings.clock())) {
      throw new IllegalStateException("clock and tokenCache were both set: set the clock on"
          + " the TokenCache builder, which owns token lifetimes");
    }
    OkHttpClient baseClient = okHttpClient != null ? okHttpClient : DefaultHttpClient.INSTANCE;
    redactBearerInNetworkLogs(baseClient);
    TokenExchange exchange = new TokenExchange(provider, style, tokenHttpUrl, credentials,
        scopes, tokenName, tokenExpiration);
    TokenEntry entry =
        cache.entry(exchange, env, new HttpTokenFetcher(baseClient, exchange, cache));
    OkHttpClient apiClient = baseClient.newBuilder()
        .addInterceptor(new BearerInterceptor(entry, provider, origins))
        .build();
    Retrofit.Builder retrofit = new Retrofit.Builder()
        .baseUrl(baseHttpUrl)
        .client(apiClient);
    converterFactories.forEach(retrofit::addConverterFactory);
    callAdapterFactories.forEach(retrofit::addCallAdapterFactory);
    Moshi bodies = moshi != null ? moshi : DefaultMoshi.INSTANCE;
    return retrofit.addConverterFactory(MoshiConverterFactory.create(bodies)).build();
  }

  /**
   * A network interceptor sees the request as sent, bearer header included: an OkHttp {@code
   * HttpLoggingInterceptor} among them is told to redact {@code Authorization} (found by name, so
   * the runtime needs no logging-interceptor dependency). The user's application interceptors run
   * before Tokenwise's and never see the header; token requests pass through no interceptor.
   */
  static void redactBearerInNetworkLogs(OkHttpClient client) {
    for (Interceptor interceptor : client.networkInterceptors()) {
      if (!interceptor.getClass().getName().equals(HTTP_LOGGING_INTERCEPTOR)) {
        continue;
      }
      try {
        interceptor.getClass().getMethod("redactHeader", String.class)
            .invoke(interceptor, "Authorization");
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Failing closed: a bearer token in a log is worse than a client that does not build.
        throw new IllegalStateException("The base OkHttpClient logs network requests with an "
            + HTTP_LOGGING_INTERCEPTOR + " whose Authorization header Tokenwise could not redact"
            + " (" + e.getClass().getSimpleName() + "): call redactHeader(\"Authorization\") on it,"
            + " or add it with addInterceptor instead of addNetworkInterceptor", e);
      }
      LOG.log(System.Logger.Level.DEBUG, "redacting Authorization in the base client's network"
          + " HttpLoggingInterceptor, so that it does not print bearer tokens");
    }
  }

  private static String pick(String runtime, String declared, String catalog) {
    if (runtime != null) {
      return runtime;
    }
    return declared != null ? declared : catalog;
  }

  /** Absolute, and https unless the host is loopback: tokens and secrets never travel in clear. */
  static HttpUrl checkUrl(String name, String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(name + " is not an absolute http(s) URL: "
          + UrlRules.redact(url));
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new IllegalArgumentException(name + " must not carry user:password; pass credentials"
          + " with credentials(ClientCredentials.of(clientId, secret))");
    }
    if (!UrlRules.mayCarryCredentials(parsed.scheme(), parsed.host())) {
      throw new IllegalArgumentException(name + " must use https (plain http is allowed only for"
          + " localhost, 127.0.0.0/8 and ::1): " + UrlRules.redact(url));
    }
    return parsed;
  }

  /** An origin for {@code alsoSendTokenTo}: a URL with nothing after the port but a {@code /}. */
  private static HttpUrl checkOrigin(String origin) {
    HttpUrl parsed = checkUrl("alsoSendTokenTo", origin);
    if (!parsed.encodedPath().equals("/") || parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException("alsoSendTokenTo takes origins (scheme, host and port,"
          + " such as https://files.example.com), which have no path, query or fragment: "
          + UrlRules.redact(origin));
    }
    return parsed;
  }

  /** Made on first use, after ClassPathCheck: Moshi's class initialization needs a working Okio. */
  private static final class DefaultMoshi {
    static final Moshi INSTANCE = new Moshi.Builder().build();
  }

  /** One process-wide client: one pool and one dispatcher for every client not given its own. */
  private static final class DefaultHttpClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }
}
