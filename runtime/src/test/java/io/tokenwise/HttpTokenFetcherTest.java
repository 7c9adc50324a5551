package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.json;
import static io.tokenwise.TokenEndpointFixture.providerExchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token request borrows the base client's pool and dispatcher, and nothing that could leak. */
final class HttpTokenFetcherTest {
  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = TokenEndpointFixture.startLoopbackServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void tokenRequestSkipsTheBaseClientsInterceptorsAndAuthenticator() throws Exception {
    AtomicInteger authenticatorCalls = new AtomicInteger();
    AtomicInteger interceptorCalls = new AtomicInteger();
    OkHttpClient base = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          interceptorCalls.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Logged", "app").build());
        })
        .addNetworkInterceptor(chain -> {
          interceptorCalls.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Logged", "net").build());
        })
        // An API client's authenticator would answer the token endpoint's 401 with a retry.
        .authenticator((route, response) -> {
          authenticatorCalls.incrementAndGet();
          return response.request().newBuilder().header("Authorization", "Bearer stale").build();
        })
        .build();
    server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));
    server.enqueue(json(200, "{\"access_token\":\"abc\",\"expires_in\":60}"));
    HttpTokenFetcher fetcher = new HttpTokenFetcher(base,
        providerExchange(Provider.PAYSWAY, server.url("/oauth2/token")), TokenEndpointFixture.CACHE);

    TokenRejectedException e = assertThrows(TokenRejectedException.class, fetcher::fetchBlocking);

    assertEquals(401, e.status());
    assertEquals(1, server.getRequestCount());
    assertEquals(0, authenticatorCalls.get());
    assertEquals(0, interceptorCalls.get());
    RecordedRequest request = server.takeRequest();
    assertNull(request.getHeaders().get("X-Logged"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void tokenClientSharesTheBaseClientsPoolAndDispatcher() {
    OkHttpClient base = new OkHttpClient.Builder().followRedirects(true)
        .callTimeout(java.time.Duration.ofMillis(500)).build();

    OkHttpClient tokenClient = HttpTokenFetcher.tokenClient(base);

    assertSame(base.connectionPool(), tokenClient.connectionPool());
    assertSame(base.dispatcher(), tokenClient.dispatcher());
    assertEquals(false, tokenClient.followRedirects());
    assertEquals(false, tokenClient.followSslRedirects());
    assertEquals(false, tokenClient.retryOnConnectionFailure());
    assertNull(tokenClient.cache());
    // The API's call timeout would cut a token request that many callers share: the cache's
    // tokenRequestTimeout bounds it instead.
    assertEquals(0, tokenClient.callTimeoutMillis());
  }
}
