package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;

/**
 * {@link WithoutAccessToken} on the wire: the method's requests go out exactly as the user wrote
 * them, and no token is fetched for them; every other method still carries the bearer token.
 */
final class WithoutAccessTokenTest {
  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface SessionApi {
    /** Signs in with the user's own credentials. */
    @WithoutAccessToken
    @GET("session")
    Call<Void> session(@Header("Authorization") String authorization);

    /** The user's static header. */
    @WithoutAccessToken
    @Headers("Authorization: ApiKey k-123")
    @GET("status")
    Call<Void> status();

    /** A public endpoint: no Authorization at all. */
    @WithoutAccessToken
    @GET("ping")
    Call<Void> ping();

    /** An ordinary call. */
    @GET("payments")
    Call<Void> payments();

    /** Without the annotation a header of the user's is replaced (the processor rejects this). */
    @GET("replaced")
    Call<Void> replaced(@Header("Authorization") String authorization);
  }

  private final VirtualTime time = new VirtualTime();
  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  private SessionApi api;

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth2/token")) {
          tokenRequests.add(request);
          return new MockResponse.Builder()
              .setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":3600}")
              .build();
        }
        apiRequests.add(request);
        return new MockResponse.Builder().code(204).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    TokenCache cache = TokenCache.builder().clock(time).scheduler(time)
        .minRequestInterval(Duration.ZERO).waitTimeout(Duration.ofSeconds(5)).build();
    api = new HandBuilder<>(SessionApi.class)
        .credentials(ClientCredentials.of("client-1", "s3cret-s3cret-s3cret"))
        .tokenCache(cache)
        .tokenUrl(server.url("/oauth2/token").toString())
        .baseUrl(server.url("/api/").toString())
        .build();
  }

  @AfterEach
  void tearDown() {
    server.close();
    time.close();
  }

  @Test
  void usersOwnAuthorizationArrivesUnchangedAndNoTokenIsFetched() throws IOException {
    assertEquals(204, api.session("Basic dXNlcjpwYXNz").execute().code());
    assertEquals(204, api.status().execute().code());
    assertEquals(204, api.ping().execute().code());

    assertEquals(List.of("Basic dXNlcjpwYXNz", "ApiKey k-123"),
        List.of(authorization(0), authorization(1)));
    assertNull(authorization(2));
    assertEquals(0, tokenRequests.size());
  }

  @Test
  void otherMethodsStillCarryTheBearerToken() throws IOException {
    api.ping().execute();
    api.payments().execute();
    api.replaced("Basic dXNlcjpwYXNz").execute();

    assertNull(authorization(0));
    assertEquals("Bearer tok-1", authorization(1));
    assertEquals("Bearer tok-1", authorization(2));
    assertEquals(1, tokenRequests.size());
  }

  private String authorization(int request) {
    return apiRequests.get(request).getHeaders().get("Authorization");
  }
}
