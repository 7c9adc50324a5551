package io.tokenwise.benchmarks;

import com.google.auth.RequestMetadataCallback;
import com.google.auth.oauth2.OAuth2Credentials;
import com.google.auth.oauth2.OAuth2CredentialsWithRefresh;
import io.tokenwise.TokenCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.CachedSupplier.StaleValueBehavior;
import software.amazon.awssdk.utils.cache.NonBlocking;
import software.amazon.awssdk.utils.cache.OneCallerBlocks;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * The four libraries, each set up as its own documentation recommends for a client-credentials
 * token (see docs/BENCHMARKS.md, "How each library is configured").
 *
 * <p>{@code scale} multiplies the peers' time margins, which their docs give for one-hour tokens:
 * 1.0 is the documented default; a harness with 3 s tokens passes 3/3600 so that each peer
 * behaves on them as it would on a one-hour token. Tokenwise has no such knob: its margins are
 * proportional to the token's lifetime by design.
 */
enum Library {
  /**
   * The Authorization header a generated client's bearer interceptor puts on an API call, on a
   * client built with the public builder and a cache of its own (default clock), fetching over
   * HTTP through the base client.
   */
  TOKENWISE("Tokenwise") {
    @Override
    TokenSource open(TokenServer server, double scale) throws Exception {
      return tokenwise(server, TokenCache.create());
    }
  },

  /**
   * Spring Security's documented setup for clients outside a web request: an
   * AuthorizedClientServiceOAuth2AuthorizedClientManager with the client-credentials provider,
   * in-memory registration and authorized-client stores; clockSkew 60 s (its default).
   */
  SPRING("Spring Security") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      ClientRegistration registration = ClientRegistration.withRegistrationId("bench")
          .clientId(CLIENT_ID)
          .clientSecret(CLIENT_SECRET)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .tokenUri(server.tokenUrl().toString())
          .build();
      var registrations = new InMemoryClientRegistrationRepository(registration);
      var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
          new InMemoryOAuth2AuthorizedClientService(registrations));
      Duration skew = scaled(Duration.ofSeconds(60), scale);
      manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
          .clientCredentials(c -> c.clockSkew(skew))
          .build());
      return () -> {
        // What Spring's OAuth2ClientHttpRequestInterceptor does for every request.
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("bench")
            .principal("tokenwise-benchmark")
            .build();
        OAuth2AuthorizedClient client = manager.authorize(request);
        return client.getAccessToken().getTokenValue();
      };
    }
  },

  /**
   * google-auth-library's documented custom token source, OAuth2CredentialsWithRefresh with a
   * refresh handler, read through the synchronous getRequestMetadata(URI) (what
   * HttpCredentialsAdapter calls); refresh margin 3 min 45 s and expiration margin 3 min (defaults).
   */
  GOOGLE("google-auth-library") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      OAuth2Credentials credentials = googleCredentials(server, scale);
      return () -> credentials.getRequestMetadata(API_URI).get("Authorization").get(0);
    }
  },

  /** As {@link #GOOGLE}, through getRequestMetadata(URI, Executor, callback) (what gRPC calls). */
  GOOGLE_ASYNC("google-auth-library, async") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      OAuth2Credentials credentials = googleCredentials(server, scale);
      ExecutorService executor = Executors.newCachedThreadPool(daemon("google-refresh"));
      return new TokenSource() {
        @Override
        public String token() throws Exception {
          CompletableFuture<Map<String, List<String>>> metadata = new CompletableFuture<>();
          credentials.getRequestMetadata(API_URI, executor, new RequestMetadataCallback() {
            @Override
            public void onSuccess(Map<String, List<String>> result) {
              metadata.complete(result);
            }

            @Override
            public void onFailure(Throwable failure) {
              metadata.completeExceptionally(failure);
            }
          });
          try {
            return metadata.get().get("Authorization").get(0);
          } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
          }
        }

        @Override
        public void close() {
          executor.shutdownNow();
        }
      };
    }
  },

  /**
   * AWS SDK's CachedSupplier as the SDK's own token providers use it (SsoOidcTokenProvider,
   * StsCredentialsProvider): stale time expiry − 1 min, prefetch time expiry − 5 min, the default
   * OneCallerBlocks prefetch strategy and STRICT stale-value behaviour.
   */
  AWS("AWS CachedSupplier") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      return awsSupplier(server, scale, new OneCallerBlocks(), StaleValueBehavior.STRICT);
    }
  },

  /** As {@link #AWS} with asyncCredentialUpdateEnabled(true): the NonBlocking strategy. */
  AWS_NONBLOCKING("AWS CachedSupplier, NonBlocking") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      return awsSupplier(server, scale, new NonBlocking("tokenwise-benchmark"),
          StaleValueBehavior.STRICT);
    }
  },

  /**
   * As {@link #AWS} with {@code staleValueBehavior(ALLOW)}: AWS's knob for outages, which serves
   * the cached value past its stale time when a refresh fails.
   */
  AWS_ALLOW_STALE("AWS CachedSupplier, ALLOW stale") {
    @Override
    TokenSource open(TokenServer server, double scale) {
      return awsSupplier(server, scale, new OneCallerBlocks(), StaleValueBehavior.ALLOW);
    }
  };

  static final String CLIENT_ID = "bench-client";
  static final String CLIENT_SECRET = "bench-secret";
  private static final URI API_URI = URI.create("http://127.0.0.1/api");

  /** The four libraries as their docs configure them by default. */
  static final List<Library> MAIN = List.of(TOKENWISE, SPRING, GOOGLE, AWS);

  final String title;

  Library(String title) {
    this.title = title;
  }

  /** A token source of this library fetching from {@code server}; margins times {@code scale}. */
  abstract TokenSource open(TokenServer server, double scale) throws Exception;

  /** Tokenwise's interceptor on a client built with {@code cache}, as a token source. */
  static TokenSource tokenwise(TokenServer server, TokenCache cache) throws Exception {
    okhttp3.Interceptor bearer = TokenwiseInterceptor.of(server, cache);
    okhttp3.Request request = TokenwiseInterceptor.apiRequest(server);
    return () -> TokenwiseInterceptor.authorization(bearer, request);
  }

  private static Duration scaled(Duration margin, double scale) {
    return Duration.ofNanos((long) (margin.toNanos() * scale));
  }

  private static OAuth2Credentials googleCredentials(TokenServer server, double scale) {
    PlainTokenClient client = new PlainTokenClient(server.tokenUrl());
    return OAuth2CredentialsWithRefresh.newBuilder()
        .setRefreshHandler(() -> {
          PlainTokenClient.Fetched fetched = client.fetch();
          // As Google's own credentials do: expiry counted from when the answer arrived.
          return new com.google.auth.oauth2.AccessToken(fetched.value(),
              new Date(System.currentTimeMillis() + fetched.expiresInSeconds() * 1_000));
        })
        .setRefreshMargin(scaled(Duration.ofMinutes(3).plusSeconds(45), scale))
        .setExpirationMargin(scaled(Duration.ofMinutes(3), scale))
        .build();
  }

  private static TokenSource awsSupplier(TokenServer server, double scale,
      CachedSupplier.PrefetchStrategy strategy, StaleValueBehavior staleValues) {
    PlainTokenClient client = new PlainTokenClient(server.tokenUrl());
    Duration stale = scaled(Duration.ofMinutes(1), scale);
    Duration prefetch = scaled(Duration.ofMinutes(5), scale);
    CachedSupplier<String> supplier = CachedSupplier.builder(() -> {
      PlainTokenClient.Fetched fetched;
      try {
        fetched = client.fetch();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Instant expiry = Instant.now().plusSeconds(fetched.expiresInSeconds());
      return RefreshResult.builder(fetched.value())
          .staleTime(expiry.minus(stale))
          .prefetchTime(expiry.minus(prefetch))
          .build();
    }).cachedValueName("tokenwise-benchmark").prefetchStrategy(strategy)
        .staleValueBehavior(staleValues).build();
    return new TokenSource() {
      @Override
      public String token() {
        return supplier.get();
      }

      @Override
      public void close() {
        supplier.close();
      }
    };
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
