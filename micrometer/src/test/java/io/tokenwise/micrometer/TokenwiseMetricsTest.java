package io.tokenwise.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEndpoint;
import io.tokenwise.TokenEvent;
import io.tokenwise.TokenRejectedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * Real token requests to a loopback endpoint, measured: what a user's dashboard shows, with
 * Micrometer's own test registries, and never a secret, client id or token in a tag.
 */
final class TokenwiseMetricsTest {
  private static final String CLIENT_ID = "client-id-4711";
  private static final String SECRET = "secret-0815-secret";

  @TokenEndpoint(provider = Provider.PAXOS, scopes = "transfer:read_transfer")
  interface Transfers {
    @GET("transfer/transfers")
    Call<ResponseBody> transfers();
  }

  /** What the processor generates, by hand. */
  static final class TransfersBuilder extends ClientBuilder<Transfers, TransfersBuilder> {
    TransfersBuilder() {
      super(Transfers.class);
    }

    @Override
    protected TransfersBuilder self() {
      return this;
    }
  }

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final MockWebServer server = new MockWebServer();
  private final List<String> issued = new ArrayList<>();
  private volatile int tokenStatus = 200;
  private volatile boolean apiRefusesFirstToken;

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth2/token")) {
          if (tokenStatus != 200) {
            return new MockResponse.Builder().code(tokenStatus)
                .body("{\"error\":\"invalid_client\"}").build();
          }
          String token;
          synchronized (issued) {
            token = "tok-secret-" + (issued.size() + 1);
            issued.add(token);
          }
          return new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                  + "\"expires_in\":3600,\"scope\":\"transfer:read_transfer\"}").build();
        }
        String authorization = request.getHeaders().get("Authorization");
        if (apiRefusesFirstToken && ("Bearer tok-secret-1").equals(authorization)) {
          return new MockResponse.Builder().code(401).build();
        }
        return new MockResponse.Builder().body("[]").build();
      }
    });
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** The cache's clock is the meter registry's, so the gauge's seconds are exact. */
  private Clock cacheClock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(clock.wallTime());
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private Transfers client(TokenwiseMetrics metrics) {
    TokenCache cache = TokenCache.builder().clock(cacheClock()).eventListener(metrics)
        .minRequestInterval(Duration.ZERO).build();
    return new TransfersBuilder()
        .credentials(ClientCredentials.of(CLIENT_ID, SECRET))
        .env(Env.PRODUCTION)
        .tokenUrl(server.url("/oauth2/token").toString())
        .baseUrl(server.url("/v2/").toString())
        .tokenCache(cache)
        .build();
  }

  @Test
  void aFetchIsTimedAndTheTokensRemainingLifeIsAGauge() throws Exception {
    Transfers transfers = client(TokenwiseMetrics.create(meters));
    assertEquals(200, transfers.transfers().execute().code());
    assertEquals(200, transfers.transfers().execute().code());

    Timer fetch = meters.get("tokenwise.token.fetch").tags("provider", "PAXOS", "env",
        "PRODUCTION", "outcome", "success", "error.type", "none", "error", "none").timer();
    assertEquals(1, fetch.count());
    assertEquals(3600.0, meters.get("tokenwise.token.remaining")
        .tags("provider", "PAXOS", "env", "PRODUCTION").gauge().value());
    clock.add(Duration.ofSeconds(600));
    assertEquals(3000.0, meters.get("tokenwise.token.remaining").gauge().value());
  }

  @Test
  void a401FromTheApiCountsAnInvalidationAndASecondFetch() throws Exception {
    apiRefusesFirstToken = true;
    Transfers transfers = client(TokenwiseMetrics.create(meters));
    assertEquals(200, transfers.transfers().execute().code());
    assertEquals(1.0, meters.get("tokenwise.token.invalidations")
        .tags("provider", "PAXOS", "env", "PRODUCTION", "token", "current").counter().count());
    assertEquals(2, meters.get("tokenwise.token.fetch").tag("outcome", "success").timer()
        .count());
  }

  @Test
  void aRejectionIsTimedAsRejectedAndCounted() {
    tokenStatus = 401;
    Transfers transfers = client(TokenwiseMetrics.create(meters));
    assertThrows(TokenRejectedException.class, () -> transfers.transfers().execute());
    assertEquals(1, meters.get("tokenwise.token.fetch").tags("outcome", "rejected",
        "error.type", "TokenRejectedException").timer().count());
    assertEquals(1.0, meters.get("tokenwise.token.rejections").tag("status", "401").counter()
        .count());
    assertEquals(0.0, meters.find("tokenwise.token.remaining").gauges().stream()
        .mapToDouble(g -> g.value()).sum(), "no token, no remaining life");
  }

  @Test
  void theFetchIsAnObservationForTracing() throws Exception {
    TestObservationRegistry observations = TestObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    Transfers transfers = client(TokenwiseMetrics.create(meters, observations));
    transfers.transfers().execute();
    assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("tokenwise.token.fetch", 1)
        .hasObservationWithNameEqualTo("tokenwise.token.fetch")
        .that()
        .hasBeenStarted()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("provider", "PAXOS")
        .hasLowCardinalityKeyValue("env", "PRODUCTION")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("error.type", "none")
        .doesNotHaveError();
    assertEquals(1, meters.get("tokenwise.token.fetch").timer().count());
  }

  @Test
  void everyLifecycleCounterHasItsNameAndTags() {
    TokenwiseMetrics metrics = TokenwiseMetrics.create(meters);
    Instant now = Instant.ofEpochMilli(clock.wallTime());
    Instant expiry = now.plusSeconds(60);
    metrics.onEvent(new TokenEvent.RefreshAhead(Provider.MANGOPAY, Env.SANDBOX, "sha256:1", now,
        expiry));
    metrics.onEvent(new TokenEvent.FetchStarted(Provider.MANGOPAY, Env.SANDBOX, "sha256:1", now,
        1));
    clock.add(250, TimeUnit.MILLISECONDS);
    metrics.onEvent(new TokenEvent.FetchFailed(Provider.MANGOPAY, Env.SANDBOX, "sha256:1", now,
        1, Duration.ofMillis(250), 503, "TokenEndpointUnavailableException",
        Optional.of(Duration.ofSeconds(5)), true));
    metrics.onEvent(new TokenEvent.ServedWhileRefreshFails(Provider.MANGOPAY, Env.SANDBOX,
        "sha256:1", now, expiry));
    metrics.onEvent(new TokenEvent.RateLimited(Provider.MANGOPAY, Env.SANDBOX, "sha256:1", now,
        TokenEvent.RateLimited.Reason.MIN_REQUEST_INTERVAL, Duration.ofMillis(750)));
    metrics.onEvent(new TokenEvent.Invalidated(Provider.MANGOPAY, Env.SANDBOX, "sha256:1", now,
        false));

    Tag[] mangopay = {Tag.of("provider", "MANGOPAY"), Tag.of("env", "SANDBOX")};
    assertEquals(1.0, meters.get("tokenwise.token.refresh.ahead").tags(List.of(mangopay))
        .counter().count());
    assertEquals(1.0, meters.get("tokenwise.token.served.while.refresh.fails")
        .tags(List.of(mangopay)).counter().count());
    assertEquals(1.0, meters.get("tokenwise.token.rate.limited")
        .tag("reason", "min_request_interval").counter().count());
    assertEquals(1.0, meters.get("tokenwise.token.invalidations").tag("token", "stale")
        .counter().count());
    Timer failed = meters.get("tokenwise.token.fetch").tags("outcome", "unavailable",
        "error.type", "TokenEndpointUnavailableException").timer();
    assertEquals(1, failed.count());
    assertEquals(250.0, failed.totalTime(TimeUnit.MILLISECONDS));
  }

  @Test
  void noTagHoldsASecretAClientIdOrAToken() throws Exception {
    apiRefusesFirstToken = true;
    Transfers transfers = client(TokenwiseMetrics.create(meters));
    transfers.transfers().execute();
    assertEquals(2, issued.size());
    List<String> forbidden = new ArrayList<>(List.of(CLIENT_ID, SECRET));
    forbidden.addAll(issued);
    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        for (String secret : forbidden) {
          assertFalse(tag.getValue().contains(secret), meter.getId().toString());
          assertFalse(tag.getKey().contains(secret), meter.getId().toString());
        }
      }
    }
  }
}
