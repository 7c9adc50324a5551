package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle of DESIGN.md, in virtual time, with exact request counts. */
final class TokenCacheTest {
  private final VirtualTime time = new VirtualTime();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void tearDown() {
    callers.shutdownNow();
    time.close();
  }

  private TokenEntry entry(FakeFetcher fetcher) {
    return entry(fetcher, settings -> { });
  }

  private TokenEntry entry(FakeFetcher fetcher, Consumer<TokenCache.Builder> settings) {
    TokenCache.Builder builder = TokenCache.builder()
        .clock(time)
        .scheduler(time)
        .random(new Random(7))
        .waitTimeout(Duration.ofSeconds(5));
    settings.accept(builder);
    TokenKey key = new TokenKey("https://127.0.0.1/token", AuthStyle.CLIENT_SECRET_POST,
        "client", "sha256:00000000", List.of(), null, null);
    return builder.build().entry(key, Provider.PAXOS, fetcher);
  }

  /** Hard margin of DESIGN.md: min(60 s, max(5 s, 5 % of L), L/4). */
  private static long hardMarginMillis(Duration lifetime) {
    long life = lifetime.toMillis();
    return Math.min(60_000, Math.min(Math.max(5_000, life / 20), life / 4));
  }

  private void assertSendable(AccessToken token, Duration lifetime) {
    long usableUntil = token.expiresAt().toEpochMilli() - hardMarginMillis(lifetime);
    assertTrue(time.millis() < usableUntil, () -> token + " sent at " + time.instant()
        + ", inside its hard margin");
  }

  @Test
  void concurrentCallersAtExpiryShareOneTokenRequest() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher);
    assertEquals("token-1", entry.token().value());
    time.advance(Duration.ofMinutes(10));
    fetcher.hold();

    int count = 1_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AccessToken>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      results.add(callers.submit(() -> {
        start.await();
        return entry.token();
      }));
    }
    start.countDown();
    awaitCondition(() -> entry.waits.sum() == 1 + count, "all callers waiting");
    fetcher.release();

    AccessToken first = results.get(0).get(10, TimeUnit.SECONDS);
    assertEquals("token-2", first.value());
    for (Future<AccessToken> result : results) {
      assertSame(first, result.get(10, TimeUnit.SECONDS));
    }
    assertEquals(2, fetcher.requests());
  }

  @Test
  void twentyRefreshCyclesUnderTrafficBlockNoCaller() throws Exception {
    Duration lifetime = Duration.ofSeconds(60);
    FakeFetcher fetcher = new FakeFetcher(time, lifetime);
    TokenEntry entry = entry(fetcher, settings -> settings.waitTimeout(Duration.ofSeconds(2)));
    AccessToken current = entry.token();
    int calls = 1;

    for (int cycle = 1; cycle <= 20; cycle++) {
      fetcher.hold();
      while (!entry.refreshing()) {
        time.advance(Duration.ofSeconds(1));
        AccessToken served = entry.token();
        calls++;
        assertSame(current, served);
        assertSendable(served, lifetime);
      }
      fetcher.entered.acquire(); // The refresh is now inside its (held) request.
      for (int i = 0; i < 100; i++) {
        AccessToken served = entry.token();
        calls++;
        assertSame(current, served, "served the old token during the refresh");
        assertSendable(served, lifetime);
      }
      fetcher.release();
      time.awaitIdle();
      AccessToken next = entry.token();
      calls++;
      assertEquals("token-" + (cycle + 1), next.value());
      current = next;
    }

    assertEquals(21, fetcher.requests(), "the first token and 20 refreshes");
    assertEquals(1, entry.waits.sum(), "only the very first call waited, of " + calls);
  }

  @Test
  void twoSecondTokensAreReusedAndNeverSentInsideTheirHardMargin() throws Exception {
    Duration lifetime = Duration.ofSeconds(2);
    FakeFetcher fetcher = new FakeFetcher(time, lifetime);
    TokenEntry entry = entry(fetcher);
    entry.token();
    for (int step = 1; step <= 400; step++) { // 20 s in 50 ms steps
      time.advance(Duration.ofMillis(50));
      assertSendable(entry.token(), lifetime);
      time.awaitIdle();
    }
    // Refresh at 65 % of L (expiry − L/4 − L/10): requests at 0, 1.3 s, ..., 19.5 s.
    assertEquals(16, fetcher.requests());
    assertEquals(1, entry.waits.sum());
  }

  @Test
  void endpointDownWhileTokenUsableServesTokenAndBacksOff() throws Exception {
    Duration lifetime = Duration.ofMinutes(10);
    FakeFetcher fetcher = new FakeFetcher(time, lifetime);
    TokenEntry entry = entry(fetcher);
    AccessToken token = entry.token();
    Instant start = time.instant();
    fetcher.failAlways(FakeFetcher.unavailable(503, null));

    long usableUntil = token.expiresAt().toEpochMilli() - hardMarginMillis(lifetime);
    while (time.millis() + 1_000 < usableUntil) {
      time.advance(Duration.ofSeconds(1));
      assertSame(token, entry.token(), "failed call while a usable token existed");
      time.awaitIdle();
    }
    List<Instant> retries = fetcher.requestTimes.subList(1, fetcher.requests());
    assertTrue(retries.size() >= 5, "retries: " + retries);
    assertTrue(Duration.between(start, retries.get(0)).toSeconds() >= 450, "refreshed at 75 %+");
    for (int i = 1; i < retries.size(); i++) {
      long gap = Duration.between(retries.get(i - 1), retries.get(i)).toMillis();
      long ceiling = Math.min(30_000, 1_000L << Math.min(i - 1, 20));
      assertTrue(gap >= 1_000 && gap <= Math.max(1_000, ceiling),
          "retry " + i + " after " + gap + " ms, ceiling " + ceiling);
    }
    assertTrue(retries.size() < 40, "no storm: " + retries.size() + " requests in 2 minutes");

    time.advance(Duration.ofSeconds(2)); // Past the hard margin: nothing usable remains.
    Future<AccessToken> caller = callers.submit(entry::token);
    ExecutionException failure = awaitFailure(caller);
    TokenEndpointUnavailableException unavailable =
        assertInstanceOf(TokenEndpointUnavailableException.class, failure.getCause());
    assertEquals(Provider.PAXOS, unavailable.provider());
    assertEquals(503, unavailable.status().getAsInt());
  }

  @Test
  void retryAfterIsHonouredToTheMillisecond() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10))
        .failNext(FakeFetcher.unavailable(429, Duration.ofSeconds(2)));
    TokenEntry entry = entry(fetcher);
    long start = time.millis();
    Future<AccessToken> caller = callers.submit(entry::token);
    awaitCondition(() -> time.nextTimerDue() != -1, "retry scheduled");
    assertEquals(start + 2_000, time.nextTimerDue());

    time.advance(Duration.ofMillis(1_999));
    assertEquals(1, fetcher.requests());
    assertFalse(caller.isDone());
    time.advance(Duration.ofMillis(1));
    assertEquals("token-1", caller.get(10, TimeUnit.SECONDS).value());
    assertEquals(List.of(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + 2_000)),
        fetcher.requestTimes);
  }

  @Test
  void badCredentialsAreAskedOnceThenTheRejectionIsRemembered() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10))
        .failNext(FakeFetcher.rejected());
    TokenEntry entry = entry(fetcher);
    TokenRejectedException first = assertThrows(TokenRejectedException.class, entry::token);
    for (int second = 1; second < 10; second++) {
      time.advance(Duration.ofSeconds(1));
      assertSame(first, assertThrows(TokenRejectedException.class, entry::token));
    }
    assertEquals(1, fetcher.requests());
    time.advance(Duration.ofSeconds(1)); // The 10 s memory is over: ask again.
    assertEquals("token-1", entry.token().value());
    assertEquals(2, fetcher.requests());
  }

  @Test
  void tokenRequestsAreRateLimitedPerKey() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher);
    AccessToken first = entry.token();
    long sent = time.millis();
    time.advance(Duration.ofMillis(200));
    assertTrue(entry.invalidate(first));
    Future<AccessToken> caller = callers.submit(entry::token);
    awaitCondition(() -> time.nextTimerDue() != -1, "request scheduled");
    assertEquals(sent + 1_000, time.nextTimerDue(), "one request per second");
    time.advance(Duration.ofMillis(800));
    assertEquals("token-2", caller.get(10, TimeUnit.SECONDS).value());
    assertEquals(2, fetcher.requests());
  }

  @Test
  void configurableRateLimit() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, s -> s.minRequestInterval(Duration.ofSeconds(5)));
    AccessToken first = entry.token();
    long sent = time.millis();
    assertTrue(entry.invalidate(first));
    callers.submit(entry::token);
    awaitCondition(() -> time.nextTimerDue() != -1, "request scheduled");
    assertEquals(sent + 5_000, time.nextTimerDue());
  }

  @Test
  void staleTokenRefusedAfterReplacementNeedsNoNewRequest() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher);
    AccessToken first = entry.token();
    time.advance(Duration.ofMinutes(10));
    AccessToken second = entry.token();
    assertEquals(2, fetcher.requests());
    assertTrue(entry.invalidate(first), "retry with the token that replaced it");
    assertSame(second, entry.token());
    assertEquals(2, fetcher.requests());
  }

  @Test
  void refusedCurrentTokenForcesOneRefreshPerTenSeconds() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = entry(fetcher, s -> s.minRequestInterval(Duration.ZERO));
    AccessToken first = entry.token();
    assertTrue(entry.invalidate(first));
    AccessToken second = entry.token();
    assertEquals("token-2", second.value());
    time.advance(Duration.ofMillis(9_999));
    assertFalse(entry.invalidate(second), "a fresh token refused too: not an expiry problem");
    assertSame(second, entry.token());
    time.advance(Duration.ofMillis(1));
    assertTrue(entry.invalidate(second));
    assertEquals("token-3", entry.token().value());
    assertEquals(3, fetcher.requests());
  }

  @Test
  void waitersOnASlowFirstFetchGetATypedTimeout() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    fetcher.hold();
    TokenEntry entry = entry(fetcher, s -> s.waitTimeout(Duration.ofMillis(200)));
    TokenEndpointUnavailableException timeout =
        assertThrows(TokenEndpointUnavailableException.class, entry::token);
    assertTrue(timeout.getMessage().startsWith("No PAXOS token within 200 ms"), timeout.getMessage());
    assertTrue(timeout.status().isEmpty());
    fetcher.release();
    time.awaitIdle();
    assertEquals("token-1", entry.token().value());
    assertEquals(1, fetcher.requests());
  }

  @Test
  void aBrokenFetcherBecomesATypedFailureNotARuntimeException() {
    TokenFetcher broken = () -> {
      throw new IllegalStateException("bug");
    };
    TokenKey key = new TokenKey("https://127.0.0.1/token", AuthStyle.CLIENT_SECRET_POST,
        "client", "sha256:00000000", List.of(), null, null);
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time).build()
        .entry(key, Provider.PAXOS, broken);
    TokenResponseException failure = assertThrows(TokenResponseException.class, entry::token);
    assertTrue(failure.getMessage().contains("IllegalStateException"), failure.getMessage());
  }

  @Test
  void anErrorInsideAFetchEndsTheFlightInsteadOfStrandingItsWaiters() throws Exception {
    boolean[] broken = {true};
    FakeFetcher healthy = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenFetcher fetcher = () -> {
      if (broken[0]) {
        throw new StackOverflowError();
      }
      return healthy.fetch();
    };
    TokenKey key = new TokenKey("https://127.0.0.1/token", AuthStyle.CLIENT_SECRET_POST,
        "client", "sha256:00000000", List.of(), null, null);
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time)
        .waitTimeout(Duration.ofSeconds(5)).build()
        .entry(key, Provider.PAXOS, fetcher);
    TokenResponseException failure = assertThrows(TokenResponseException.class, entry::token);
    assertTrue(failure.getMessage().contains("StackOverflowError"), failure.getMessage());
    assertFalse(entry.refreshing(), "the flight ended");
    broken[0] = false;
    time.advance(Duration.ofSeconds(10));
    assertEquals("token-1", entry.token().value());
  }

  @Test
  void invalidateAllForgetsTokens() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenCache cache = TokenCache.builder().clock(time).scheduler(time)
        .minRequestInterval(Duration.ZERO).build();
    TokenKey key = new TokenKey("https://127.0.0.1/token", AuthStyle.CLIENT_SECRET_POST,
        "client", "sha256:00000000", List.of(), null, null);
    TokenEntry entry = cache.entry(key, Provider.PAXOS, fetcher);
    assertSame(entry, cache.entry(key, Provider.PAXOS, new FakeFetcher(time, Duration.ZERO)),
        "one entry per key");
    assertEquals("token-1", entry.token().value());
    cache.invalidateAll();
    assertEquals("token-2", entry.token().value());
  }

  @Test
  void stateShowsNoToken() throws Exception {
    TokenEntry.State state = TokenEntry.State.of(AccessToken.create("secret-token-value",
        time.instant(), time.instant().plusSeconds(60), Set.of()), 0, 0.5);
    assertFalse(state.toString().contains("secret-token-value"), state.toString());
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for: " + what);
      }
      Thread.sleep(1);
    }
  }

  /** Advances time second by second until the caller fails (its retries run in virtual time). */
  private ExecutionException awaitFailure(Future<?> caller) throws Exception {
    for (int i = 0; i < 600 && !caller.isDone(); i++) {
      Thread.sleep(1);
      time.advance(Duration.ofSeconds(1));
    }
    return assertThrows(ExecutionException.class, () -> caller.get(10, TimeUnit.SECONDS));
  }
}
