package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events a {@link TokenEventListener} sees, in order and with their values, in virtual time;
 * a throwing listener never reaches a caller; no event names a secret, client id or token.
 */
final class TokenEventsTest {
  private static final String CLIENT_ID = "client-id-4711";
  private static final String SECRET = "secret-very-secret";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualTime time = new VirtualTime();
  private final List<TokenEvent> events = new CopyOnWriteArrayList<>();
  private TokenCache cache;

  @AfterEach
  void tearDown() {
    time.close();
  }

  private TokenEntry entry(FakeFetcher fetcher, Consumer<TokenCache.Builder> settings) {
    TokenCache.Builder builder = TokenCache.builder().clock(time).scheduler(time)
        .random(new Random(7)).waitTimeout(Duration.ofSeconds(5)).eventListener(events::add);
    settings.accept(builder);
    cache = builder.build();
    return cache.entry(key(), Provider.PAXOS, Env.PRODUCTION, fetcher);
  }

  private static TokenKey key() {
    return new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
        HttpUrl.get("https://127.0.0.1/token"), ClientCredentials.of(CLIENT_ID, SECRET),
        List.of(), null, null).key();
  }

  private static String fp() {
    return key().fingerprint();
  }

  /** The events as one line each, without the common fields checked once. */
  private List<String> names() {
    for (TokenEvent event : events) {
      assertEquals(Provider.PAXOS, event.provider());
      assertEquals(Env.PRODUCTION, event.env());
      assertEquals(fp(), event.keyFingerprint());
    }
    return events.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList());
  }

  @Test
  void aFetchIsStartedThenSucceededWithItsDurationAndExpiry() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, settings -> { });
    entry.token();
    assertEquals(List.of("FetchStarted", "FetchSucceeded"), names());
    assertEquals(new TokenEvent.FetchStarted(Provider.PAXOS, Env.PRODUCTION, fp(), T0, 1),
        events.get(0));
    assertEquals(new TokenEvent.FetchSucceeded(Provider.PAXOS, Env.PRODUCTION, fp(), T0, 1,
        Duration.ZERO, T0.plus(Duration.ofMinutes(10))), events.get(1));
    // Reading the cached token is silent.
    entry.token();
    assertEquals(2, events.size());
  }

  @Test
  void aFailingRefreshIsRetriedWhileTheCurrentTokenIsServed() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, settings -> { });
    AccessToken first = entry.token();
    events.clear();
    fetcher.failNext(FakeFetcher.unavailable(503, Duration.ofSeconds(20)));
    while (fetcher.requests() < 2) {
      time.advance(Duration.ofSeconds(1));
      assertSame(first, entry.token());
      time.awaitIdle();
    }
    time.advance(Duration.ofSeconds(20));
    time.awaitIdle();
    assertEquals(List.of("RefreshAhead", "FetchStarted", "FetchFailed",
        "ServedWhileRefreshFails", "FetchStarted", "FetchSucceeded"), names());
    TokenEvent.FetchFailed failed = (TokenEvent.FetchFailed) events.get(2);
    assertEquals(1, failed.attempt());
    assertEquals(503, failed.status());
    assertEquals("TokenEndpointUnavailableException", failed.errorType());
    assertEquals(Optional.of(Duration.ofSeconds(20)), failed.retryAfter());
    assertTrue(failed.retrying());
    assertEquals(first.expiresAt(), ((TokenEvent.RefreshAhead) events.get(0)).expiresAt());
    assertEquals(first.expiresAt(),
        ((TokenEvent.ServedWhileRefreshFails) events.get(3)).expiresAt());
    assertEquals(2, ((TokenEvent.FetchStarted) events.get(4)).attempt());
    assertEquals(2, ((TokenEvent.FetchSucceeded) events.get(5)).attempt());
  }

  @Test
  void aRejectionIsNotRetriedAndIsRemembered() {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10)).failNext(
        FakeFetcher.rejected());
    TokenEntry entry = entry(fetcher, settings -> settings.rejectionMemory(Duration.ofSeconds(7)));
    assertThrows(TokenRejectedException.class, entry::token);
    assertEquals(List.of("FetchStarted", "FetchFailed", "RejectionRemembered"), names());
    TokenEvent.FetchFailed failed = (TokenEvent.FetchFailed) events.get(1);
    assertEquals(401, failed.status());
    assertEquals("TokenRejectedException", failed.errorType());
    assertFalse(failed.retrying());
    assertEquals(new TokenEvent.RejectionRemembered(Provider.PAXOS, Env.PRODUCTION, fp(), T0, 401,
        "TokenRejectedException", Duration.ofSeconds(7)), events.get(2));
  }

  @Test
  void a401InvalidatesTheCurrentTokenOnceThenTheForcedRefreshIntervalHoldsBack()
      throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, settings -> settings.minRequestInterval(Duration.ZERO));
    AccessToken first = entry.token();
    events.clear();
    assertTrue(entry.invalidate(first));
    AccessToken second = entry.token();
    assertTrue(entry.invalidate(first), "a stale token: retry with the new one");
    assertFalse(entry.invalidate(second), "a fresh token refused too, within 10 s");
    assertEquals(List.of("Invalidated", "FetchStarted", "FetchSucceeded", "Invalidated",
        "RateLimited"), names());
    assertTrue(((TokenEvent.Invalidated) events.get(0)).current());
    assertFalse(((TokenEvent.Invalidated) events.get(3)).current());
    assertEquals(new TokenEvent.RateLimited(Provider.PAXOS, Env.PRODUCTION, fp(), T0,
        TokenEvent.RateLimited.Reason.FORCED_REFRESH_INTERVAL, Duration.ZERO), events.get(4));
  }

  @Test
  void theRequestIntervalHoldsARetryBack() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry =
        entry(fetcher, settings -> settings.minRequestInterval(Duration.ofSeconds(3)));
    AccessToken first = entry.token();
    time.advance(Duration.ofMillis(500));
    events.clear();
    entry.invalidate(first);
    CompletableFuture<AccessToken> caller = CompletableFuture.supplyAsync(() -> {
      try {
        return entry.token();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (events.size() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // the caller schedules the held-back request
    }
    time.advance(Duration.ofMillis(2_500));
    assertEquals("token-2", caller.get(10, TimeUnit.SECONDS).value());
    assertEquals(List.of("Invalidated", "RateLimited", "FetchStarted", "FetchSucceeded"), names());
    assertEquals(new TokenEvent.RateLimited(Provider.PAXOS, Env.PRODUCTION, fp(),
        T0.plusMillis(500), TokenEvent.RateLimited.Reason.MIN_REQUEST_INTERVAL,
        Duration.ofMillis(2_500)), events.get(1));
  }

  @Test
  void aThrowingListenerNeverReachesACallerNorStopsTheNextListener() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, settings -> settings.minRequestInterval(Duration.ZERO)
        .eventListener(event -> {
          throw new IllegalStateException("listener bug");
        })
        .eventListener(event -> {
          throw new AssertionError("listener error");
        })
        .eventListener(event -> events.add(event)));
    AccessToken first = entry.token();
    assertTrue(entry.invalidate(first));
    AccessToken second = entry.token();
    assertEquals("token-2", second.value());
    // Both this test's listeners (the first and the last) saw every event.
    assertEquals(2 * 5, events.size());
  }

  @Test
  void noEventNamesASecretAClientIdOrAToken() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10))
        .failNext(FakeFetcher.rejected());
    TokenEntry entry = entry(fetcher, settings -> settings.minRequestInterval(Duration.ZERO));
    assertThrows(TokenRejectedException.class, entry::token);
    time.advance(Duration.ofSeconds(11));
    AccessToken first = entry.token();
    entry.invalidate(first);
    entry.invalidate(first);
    entry.token();
    assertTrue(events.size() >= 6, events::toString);
    for (TokenEvent event : events) {
      String text = event.toString();
      for (String secret : List.of(CLIENT_ID, SECRET, "token-1", "token-2")) {
        assertFalse(text.contains(secret), text);
      }
    }
  }

  @Test
  void tokensListsEachKeysTokenWithItsExpiryAndNothingSecret() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, settings -> { });
    assertEquals(List.of(), cache.tokens());
    AccessToken token = entry.token();
    assertEquals(List.of(new CachedToken(Provider.PAXOS, Env.PRODUCTION, fp(), token.expiresAt(),
        token.expiresAt().minusSeconds(30))), cache.tokens());
    entry.invalidate(token);
    assertEquals(List.of(), cache.tokens(), "an invalidated token is not listed");
    assertFalse(cache.tokens().toString().contains(SECRET));
  }
}
