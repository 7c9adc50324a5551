package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet's rules against a store in memory, in virtual time: the hot path never calls the
 * store, a second process takes the stored token instead of asking, a store failure is a cache
 * miss, and the store never holds a secret, client id or token in clear. The Redis store and
 * real processes are tested in tokenwise-redis.
 */
final class TokenFleetTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final ClientCredentials CREDENTIALS = ClientCredentials.of("fleet-client-id",
      "fleet-secret-value");

  private final VirtualTime time = new VirtualTime();
  private final MemoryTokenStore store = new MemoryTokenStore();

  @AfterEach
  void tearDown() {
    time.close();
  }

  private static TokenExchange exchange(ClientCredentials credentials) {
    return new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
        HttpUrl.get("https://127.0.0.1/token"), credentials, List.of("transfer:read_transfer"),
        null, null);
  }

  /** One process: its own cache and fleet settings (owner id), the shared store. */
  private TokenEntry process(FakeFetcher fetcher) {
    TokenFleet fleet = TokenFleet.builder(store).encryptionKey("k1", KEY).build();
    TokenCache cache = TokenCache.builder().clock(time).scheduler(time).random(new Random(7))
        .fleet(fleet).build();
    return cache.entry(exchange(CREDENTIALS), Env.SANDBOX, fetcher);
  }

  @Test
  void apiCallsNeverCallTheStoreWhileTheTokenIsUsable() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = process(fetcher);
    assertEquals("token-1", entry.token().value());
    time.awaitIdle(); // the holder stores the token and releases its lease after handing it over
    int afterFetch = store.calls.get();
    for (int i = 0; i < 10_000; i++) {
      entry.token();
    }
    time.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 10_000; i++) {
      entry.token();
    }
    assertEquals(afterFetch, store.calls.get());
    // get, lease, get again under the lease, compare-and-set, release
    assertEquals(5, afterFetch);
  }

  @Test
  void aSecondProcessTakesTheStoredTokenInsteadOfAsking() throws Exception {
    FakeFetcher first = new FakeFetcher(time, Duration.ofMinutes(10));
    FakeFetcher second = new FakeFetcher(time, Duration.ofMinutes(10));
    assertEquals("token-1", process(first).token().value());
    time.awaitIdle();
    TokenEntry other = process(second);
    assertEquals("token-1", other.token().value());
    assertEquals(0, second.requests());
  }

  @Test
  void theRefreshIsOneRequestForTheFleet() throws Exception {
    FakeFetcher first = new FakeFetcher(time, Duration.ofMinutes(10));
    FakeFetcher second = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry a = process(first);
    TokenEntry b = process(second);
    a.token();
    b.token();
    time.advance(Duration.ofMinutes(9));
    // Both refresh ahead; whichever asks first, the other takes its token from the store.
    a.token();
    time.awaitIdle();
    b.token();
    time.awaitIdle();
    assertEquals(2, first.requests() + second.requests());
    assertEquals(a.token().value(), b.token().value());
    assertEquals("token-2", a.token().value());
  }

  @Test
  void theTokenBeingReplacedIsNotTakenBackFromTheStore() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = process(fetcher);
    AccessToken first = entry.token();
    assertTrue(entry.invalidate(first)); // a 401: the stored token is the refused one
    time.advance(Duration.ofSeconds(1)); // the rate limit
    assertEquals("token-2", entry.token().value());
    assertEquals(2, fetcher.requests());
  }

  @Test
  void aProcessThatWouldRefreshEarlyKeepsTheFleetsTokenUntilTheFleetsRefreshPoint()
      throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    TokenEntry entry = process(fetcher);
    AccessToken token = entry.token();
    time.awaitIdle();
    // As a process whose latency estimate moved its own refresh point early would ask:
    FleetFetcher fleet = (FleetFetcher) entry.fetcher;
    assertEquals(token, fleet.fetch(token, false).get());
    assertEquals(1, fetcher.requests());
    // Refused by an API (a 401), the same token is not good for anyone: a new one is fetched.
    assertEquals("token-2", fleet.fetch(token, true).get().value());
    // Past the fleet's refresh point (75 % of the lifetime), the due token is replaced too.
    time.advance(Duration.ofSeconds(451));
    AccessToken second = fleet.fetch(null, false).get();
    assertEquals("token-2", second.value());
    assertEquals("token-3", fleet.fetch(second, false).get().value());
  }

  @Test
  void aRefusalOfTheFleetsTokenCountsInEveryProcessThatHoldsIt() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    AccessToken fromA = process(fetcher).token();
    time.awaitIdle();
    TokenEntry b = process(fetcher);
    AccessToken fromB = b.token(); // the same token, opened from the store: another object
    assertEquals(fromA.value(), fromB.value());

    // One of b's calls carried the token as a's object had it, and an API refused it.
    assertTrue(b.invalidate(fromA));
    time.advance(Duration.ofSeconds(1)); // the rate limit
    assertEquals("token-2", b.token().value());
    assertEquals(2, fetcher.requests());
  }

  /** A fetcher whose second request is answered by the test; the others by {@code issuing}. */
  private static final class SecondAnswerHeld implements TokenFetcher {
    final FakeFetcher issuing;
    final CompletableFuture<AccessToken> second = new CompletableFuture<>();
    final List<Boolean> refused = new CopyOnWriteArrayList<>();

    SecondAnswerHeld(FakeFetcher issuing) {
      this.issuing = issuing;
    }

    @Override
    public CompletableFuture<AccessToken> fetch() {
      return fetch(null, false);
    }

    @Override
    public CompletableFuture<AccessToken> fetch(AccessToken replacing, boolean refused) {
      this.refused.add(refused);
      return this.refused.size() == 2 ? second : issuing.fetch();
    }
  }

  @Test
  void aTokenRefusedWhileItsReplacementWasAskedForIsNotTakenBack() throws Exception {
    // As a fleet's store can answer a refresh asked before a 401: with the very token refused.
    SecondAnswerHeld fetcher = new SecondAnswerHeld(new FakeFetcher(time, Duration.ofMinutes(10)));
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time).random(new Random(7))
        .build().entry(FakeFetcher.key("refused-meanwhile"), Provider.PAXOS, fetcher);
    AccessToken first = entry.token();
    time.advance(Duration.ofMinutes(9)); // past the refresh point
    assertEquals(first, entry.token()); // still usable; its refresh is asked, and held
    time.awaitIdle();
    assertEquals(2, fetcher.refused.size());

    assertTrue(entry.invalidate(first)); // an API refuses token-1 meanwhile
    fetcher.second.complete(AccessToken.create(first.value(), first.requestedAt(),
        first.expiresAt(), first.scopes()));
    time.awaitIdle();

    assertEquals("token-2", entry.token().value());
    assertEquals(List.of(false, false, true), fetcher.refused);
    // Its next refusal is the 401 rule's, not a stale one: token-2 was never refused.
    assertEquals(2, fetcher.issuing.requests());
  }

  @Test
  void anEndpointThatReissuesARefusedTokenIsAskedOnceMoreNotForever() throws Exception {
    FakeFetcher same = new FakeFetcher(time, Duration.ofMinutes(10));
    AccessToken[] issued = new AccessToken[1];
    List<Boolean> refused = new CopyOnWriteArrayList<>();
    TokenFetcher reissuing = new TokenFetcher() {
      @Override
      public CompletableFuture<AccessToken> fetch() {
        return fetch(null, false);
      }

      @Override
      public CompletableFuture<AccessToken> fetch(AccessToken replacing, boolean wasRefused) {
        refused.add(wasRefused);
        if (issued[0] == null) {
          return same.fetch().thenApply(token -> issued[0] = token);
        }
        AccessToken token = issued[0];
        return CompletableFuture.completedFuture(AccessToken.create(token.value(),
            token.requestedAt(), token.expiresAt(), token.scopes()));
      }
    };
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time).random(new Random(7))
        .build().entry(FakeFetcher.key("reissuing"), Provider.PAXOS, reissuing);
    AccessToken first = entry.token();
    assertTrue(entry.invalidate(first));
    time.advance(Duration.ofSeconds(1)); // the rate limit

    assertEquals(first.value(), entry.token().value());
    time.awaitIdle();
    assertEquals(List.of(false, true, true), refused);
  }

  @Test
  void aStoreThatIsDownIsACacheMissAndSharingResumes() throws Exception {
    FakeFetcher first = new FakeFetcher(time, Duration.ofMinutes(10));
    FakeFetcher second = new FakeFetcher(time, Duration.ofMinutes(10));
    store.down(true);
    assertEquals("token-1", process(first).token().value());
    assertEquals(1, first.requests());
    assertTrue(store.tokens.isEmpty());

    store.down(false);
    time.advance(Duration.ofSeconds(2)); // past the store retry interval
    TokenEntry a = process(first);
    TokenEntry b = process(second);
    assertEquals("token-2", a.token().value());
    time.awaitIdle();
    assertEquals("token-2", b.token().value());
    assertEquals(0, second.requests());
  }

  @Test
  void theStoreHoldsNoSecretNoClientIdAndNoToken() throws Exception {
    FakeFetcher fetcher = new FakeFetcher(time, Duration.ofMinutes(10));
    AccessToken token = process(fetcher).token();
    time.awaitIdle();
    assertEquals(1, store.tokens.size());
    String name = store.tokens.keySet().iterator().next();
    StoredToken stored = store.tokens.get(name);
    String dump = name + " " + stored + " "
        + new String(stored.sealed(), StandardCharsets.ISO_8859_1) + " " + store.leases;
    for (String secret : List.of(CREDENTIALS.clientId(), CREDENTIALS.secret(), token.value())) {
      assertFalse(dump.contains(secret), secret);
    }
    assertFalse(contains(stored.sealed(), token.value().getBytes(StandardCharsets.UTF_8)));
    assertEquals("k1", stored.keyId());
  }

  @Test
  void namesAreStableAcrossProcessesAndDifferByKeyAndSecret() {
    TokenSeal seal = new TokenSeal("k1", KEY);
    TokenExchange exchange = exchange(CREDENTIALS);
    assertEquals(seal.name(exchange), new TokenSeal("k1", KEY.clone()).name(exchange));
    assertNotEquals(seal.name(exchange),
        seal.name(exchange(ClientCredentials.of("fleet-client-id", "other-secret"))));
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertNotEquals(seal.name(exchange), new TokenSeal("k1", otherKey).name(exchange));
  }

  @Test
  void aSealedTokenOpensOnlyUnderItsNameAndKey() {
    TokenSeal seal = new TokenSeal("k1", KEY);
    AccessToken token = AccessToken.create("opaque", time.instant(),
        time.instant().plusSeconds(60), java.util.Set.of("a", "b"));
    StoredToken stored = seal.seal("name", token, 3);
    assertEquals(token, seal.open("name", stored));
    assertNull(seal.open("other-name", stored));
    assertNull(new TokenSeal("k2", KEY).open("name", stored));
    byte[] tampered = stored.sealed();
    tampered[tampered.length - 1] ^= 1;
    assertNull(seal.open("name", StoredToken.of(3, "k1", tampered)));
  }

  @Test
  void aFleetNeedsAValidEncryptionKey() {
    assertThrows(IllegalStateException.class, () -> TokenFleet.builder(store).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenFleet.builder(store).encryptionKey("k1", new byte[7]));
    assertEquals("an AES key has 16, 24 or 32 bytes, not 7: generate 32 random bytes",
        e.getMessage());
    assertFalse(TokenFleet.builder(store).encryptionKey("k1", KEY).build().toString()
        .contains(new String(KEY, StandardCharsets.UTF_8)));
  }

  @Test
  void providersThatThrottleOrMayRevokeDefaultToSingleFlight() {
    TokenFleet fleet = TokenFleet.builder(store).encryptionKey("k1", KEY)
        .singleFlight(Provider.PAYSWAY, true).singleFlight(Provider.CUSTOM, false).build();
    assertTrue(fleet.singleFlight(Provider.PAXOS));
    assertTrue(fleet.singleFlight(Provider.MANGOPAY));
    assertTrue(fleet.singleFlight(Provider.PAYSWAY));
    assertFalse(fleet.singleFlight(Provider.PAPAYA_GLOBAL));
    assertFalse(fleet.singleFlight(Provider.CUSTOM));
    TokenFleet defaults = TokenFleet.builder(store).encryptionKey("k1", KEY).build();
    assertTrue(defaults.singleFlight(Provider.CUSTOM));
    assertFalse(defaults.singleFlight(Provider.PAYSWAY));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
