package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    TokenKey key = FakeFetcher.key("client");
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
      assertSame(first.getCause(),
          assertThrows(TokenRejectedException.class, entry::token).getCause());
    }
    assertEquals(1, fetcher.requests());
    time.advance(Duration.ofSeconds(1)); // The 10 s memory is over: ask again.
    assertEquals("token-1", entry.token().value());
    assertEquals(2, fetcher.requests());
  }

  @Test
  void eachCallerInTheRejectionWindowGetsItsOwnExceptionWithItsOwnStack() throws Exception {
    TokenRejectedException original = FakeFetcher.rejected();
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10)).failNext(original);
    TokenEntry entry = entry(fetcher);
    TokenRejectedException first = assertThrows(TokenRejectedException.class, entry::token);
    TokenRejectedException second = callers.submit(() ->
        assertThrows(TokenRejectedException.class, entry::token)).get(10, TimeUnit.SECONDS);

    assertEquals(1, fetcher.requests());
    assertNotSame(first, second);
    assertSame(original, first.getCause());
    assertSame(original, second.getCause());
    for (TokenRejectedException e : List.of(first, second)) {
      assertEquals(original.getMessage(), e.getMessage());
      assertEquals(401, e.status());
      assertEquals("invalid_client", e.errorCode().orElseThrow());
      assertEquals("bad client", e.errorMessage().orElseThrow());
      assertEquals(Provider.PAXOS, e.provider());
    }
    assertTrue(calledFrom(first, "eachCallerInTheRejectionWindowGetsItsOwnExceptionWithItsOwnStack"),
        "the first caller's own frames");
    assertTrue(calledFrom(second, "lambda$eachCallerInTheRejectionWindowGetsItsOwnException"),
        "the second caller's own frames");
    assertFalse(calledFrom(second, "eachCallerInTheRejectionWindowGetsItsOwnExceptionWithItsOwnStack"),
        "not the first caller's");
  }

  @Test
  void waitersOfOneFlightGetTheirOwnExceptionsOfEachType() throws Exception {
    List<TokenException> failures = List.of(FakeFetcher.unavailable(503, Duration.ofSeconds(7)),
        new TokenResponseException(Provider.PAXOS, "bad body", 200, "excerpt"),
        new InsufficientScopeException(Provider.PAXOS, "no scope", Set.of("a"), Set.of("b")),
        new TokenException(Provider.PAXOS, "internal", null));
    for (TokenException original : failures) {
      FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10))
          .failAlways(original);
      TokenEntry entry = entry(fetcher, s -> s.maxBackoff(Duration.ofMinutes(1)));
      fetcher.hold();
      List<Future<TokenException>> waiters = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        waiters.add(callers.submit(() -> assertThrows(TokenException.class, entry::token)));
      }
      awaitCondition(() -> entry.waits.sum() == 2, "both waiting");
      fetcher.release();
      awaitRetries(fetcher, entry);
      TokenException one = waiters.get(0).get(10, TimeUnit.SECONDS);
      TokenException two = waiters.get(1).get(10, TimeUnit.SECONDS);
      assertNotSame(one, two);
      for (TokenException e : List.of(one, two)) {
        assertSame(original.getClass(), e.getClass());
        assertSame(original, e.getCause());
        assertEquals(original.getMessage(), e.getMessage());
      }
      if (original instanceof TokenEndpointUnavailableException unavailable) {
        TokenEndpointUnavailableException copy = (TokenEndpointUnavailableException) one;
        assertEquals(unavailable.status(), copy.status());
        assertEquals(unavailable.retryAfter(), copy.retryAfter());
      } else if (original instanceof TokenResponseException response) {
        assertEquals(response.status(), ((TokenResponseException) one).status());
        assertEquals(response.bodyExcerpt(), ((TokenResponseException) one).bodyExcerpt());
      } else if (original instanceof InsufficientScopeException scope) {
        assertEquals(scope.missingScopes(), ((InsufficientScopeException) one).missingScopes());
        assertEquals(scope.grantedScopes(), ((InsufficientScopeException) one).grantedScopes());
      }
    }
  }

  /** Runs the flight's scheduled retries (if any) until it ends. */
  private void awaitRetries(FakeFetcher fetcher, TokenEntry entry) {
    time.awaitIdle();
    while (entry.refreshing()) {
      time.advance(Duration.ofSeconds(1));
    }
  }

  private static boolean calledFrom(Throwable e, String methodPrefix) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().equals(TokenCacheTest.class.getName())
          && frame.getMethodName().startsWith(methodPrefix)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aTokenRequestThatNeverAnswersIsCancelledAtItsDeadlineAndRetried() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10)).neverAnswerNext(1);
    TokenEntry entry = entry(fetcher, s -> s.tokenRequestTimeout(Duration.ofSeconds(10))
        .waitTimeout(Duration.ofMinutes(1)));
    long start = time.millis();
    Future<AccessToken> caller = callers.submit(entry::token);
    awaitCondition(() -> time.nextTimerDue() != -1, "deadline scheduled");
    assertEquals(start + 10_000, time.nextTimerDue(), "the deadline");

    time.advance(Duration.ofMillis(9_999));
    assertEquals(1, fetcher.requests());
    assertEquals(0, fetcher.cancelled());
    assertFalse(caller.isDone());
    time.advance(Duration.ofMillis(1));
    assertEquals(1, fetcher.cancelled(), "abandoned at its deadline");
    // The backoff after a first failure is at most 1 s, and never less than the 1 s rate limit.
    assertEquals(start + 11_000, time.nextTimerDue(), "the retry, after a 1 s backoff");
    time.advance(Duration.ofSeconds(1));

    assertEquals("token-1", caller.get(10, TimeUnit.SECONDS).value());
    assertEquals(List.of(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + 11_000)),
        fetcher.requestTimes);
    assertEquals(-1, time.nextTimerDue(), "the answered request's deadline was called off");
    assertEquals(1, entry.waits.sum());
  }

  @Test
  void aRefreshThatNeverAnswersIsRetriedWhileTheTokenIsServed() throws Exception {
    Duration lifetime = Duration.ofMinutes(10);
    FakeFetcher fetcher = new FakeFetcher(time, lifetime);
    TokenEntry entry = entry(fetcher);
    AccessToken first = entry.token();
    fetcher.neverAnswerNext(3);
    while (fetcher.requests() == 1) {
      time.advance(Duration.ofSeconds(1));
      assertSame(first, entry.token());
      time.awaitIdle();
    }
    // Three refresh requests hang, each is cancelled after 10 s, and the fourth brings a token.
    for (int i = 0; i < 200 && fetcher.requests() < 5; i++) {
      time.advance(Duration.ofSeconds(1));
      AccessToken served = entry.token();
      assertTrue(served == first || fetcher.requests() == 5, "served while the refresh hangs");
      time.awaitIdle();
    }
    time.awaitIdle();
    assertEquals(5, fetcher.requests());
    assertEquals(3, fetcher.cancelled());
    assertEquals("token-2", entry.token().value());
    assertEquals(1, entry.waits.sum(), "no caller waited: the old token was served throughout");
    for (int i = 2; i < 5; i++) {
      long gap = Duration.between(fetcher.requestTimes.get(i - 1), fetcher.requestTimes.get(i))
          .toMillis();
      assertTrue(gap >= 11_000, "request " + i + " came " + gap + " ms after the one before");
    }
  }

  @Test
  void aWaitingCallerStopsWaitingWhenItsCallIsCancelled() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    fetcher.hold();
    TokenEntry entry = entry(fetcher, s -> s.waitTimeout(Duration.ofMinutes(10)));
    okhttp3.Call call = new okhttp3.OkHttpClient().newCall(
        new okhttp3.Request.Builder().url("https://127.0.0.1/v2/things").build());
    Future<AccessToken> caller = callers.submit(() -> entry.tokenFor(call));
    awaitCondition(() -> entry.waits.sum() == 1 && fetcher.requests() == 1, "caller waiting");
    Future<AccessToken> other = callers.submit(entry::token);
    awaitCondition(() -> entry.waits.sum() == 2, "another caller waiting");

    call.cancel();
    ExecutionException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(ExecutionException.class, () -> caller.get()));
    InterruptedIOException cancelled =
        assertInstanceOf(InterruptedIOException.class, failure.getCause());
    assertEquals("The call was cancelled or reached its call timeout while waiting for a PAXOS"
        + " token; the token request goes on for other callers", cancelled.getMessage());
    assertTrue(entry.refreshing(), "the token request is still under way");
    assertFalse(other.isDone(), "the other caller still waits for it");

    fetcher.release();
    assertEquals("token-1", other.get(10, TimeUnit.SECONDS).value());
    assertEquals(1, fetcher.requests());
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
    TokenKey key = FakeFetcher.key("client");
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
    TokenKey key = FakeFetcher.key("client");
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
    TokenKey key = FakeFetcher.key("client");
    TokenEntry entry = cache.entry(key, Provider.PAXOS, fetcher);
    assertSame(entry, cache.entry(key, Provider.PAXOS, new FakeFetcher(time, Duration.ZERO)),
        "one entry per key");
    assertEquals("token-1", entry.token().value());
    cache.invalidateAll();
    assertEquals("token-2", entry.token().value());
  }

  /**
   * The default clock is the wall clock read on every use: the first lookup after the wall clock
   * passes a token's usable time does not serve it (a ticking clock that lags by a tick did).
   */
  @Test
  void theDefaultClockNeverServesATokenPastItsUsableTime() throws Exception {
    Duration lifetime = Duration.ofMinutes(10); // hard margin 30 s
    long usableUntil = System.currentTimeMillis() + 300;
    Instant requestedAt = Instant.ofEpochMilli(usableUntil).minus(lifetime).plusSeconds(30);
    AtomicInteger issued = new AtomicInteger();
    TokenFetcher fetcher = () -> {
      Instant sent = issued.get() == 0 ? requestedAt : Instant.now();
      return CompletableFuture.completedFuture(AccessToken.create(
          "token-" + issued.incrementAndGet(), sent, sent.plus(lifetime), Set.of()));
    };
    TokenEntry entry = TokenCache.builder().minRequestInterval(Duration.ZERO).build()
        .entry(FakeFetcher.key("wall-clock"), Provider.PAXOS, fetcher);
    assertEquals(Clock.systemUTC(), TokenCache.create().settings.clock());

    assertEquals("token-1", entry.token().value());
    while (System.currentTimeMillis() < usableUntil) {
      Thread.onSpinWait();
    }
    assertEquals("token-2", entry.token().value(), "token-1 was served past its usable time");
  }

  @Test
  void stateShowsNoToken() throws Exception {
    TokenEntry.State state = TokenEntry.State.of(AccessToken.create("secret-token-value",
        time.instant(), time.instant().plusSeconds(60), Set.of()), 0, 0.5);
    assertFalse(state.toString().contains("secret-token-value"), state.toString());
  }

  @Test
  void aBugInsideTokenwiseIsOneTypeThatQuotesNothing() throws Exception {
    TokenFetcher buggy = () -> CompletableFuture.failedFuture(
        new IllegalStateException("quoting secret-token-value"));
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time).build()
        .entry(FakeFetcher.key("client"), Provider.PAXOS, buggy);
    TokenResponseException e = assertThrows(TokenResponseException.class, entry::token);
    assertEquals(0, e.status());
    assertEquals("PAXOS token request failed inside Tokenwise (java.lang.IllegalStateException):"
        + " please report this to Tokenwise", e.getMessage());
    assertFalse(String.valueOf(e.getCause()).contains("secret-token-value"), e::toString);
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
