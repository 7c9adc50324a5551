package io.tokenwise.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tokenwise.StoredToken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis store's rules against a real Redis: leases, fences, compare-and-set, failures. */
final class RedisTokenStoreTest {
  private static final Duration LONG = Duration.ofMinutes(1);
  private static RedisServer redis;
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> admin;
  private RedisTokenStore store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
    client = RedisClient.create(redis.uri());
    admin = client.connect();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    admin.close();
    client.shutdown();
    redis.close();
  }

  @BeforeEach
  void flush() {
    admin.sync().flushall();
    store = RedisTokenStore.create(redis.uri());
  }

  @org.junit.jupiter.api.AfterEach
  void closeStore() {
    store.close();
  }

  private static StoredToken token(long fence, String body) {
    return StoredToken.of(fence, "k1", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void oneLeaseAtATimeEachWithAHigherFence() {
    assertEquals(OptionalLong.of(1), store.tryLease("n", "a", LONG));
    assertEquals(OptionalLong.empty(), store.tryLease("n", "b", LONG));
    store.release("n", "b"); // not b's: compare and delete leaves it
    assertFalse(store.extendLease("n", "b", LONG));
    assertTrue(store.extendLease("n", "a", LONG));
    assertEquals(OptionalLong.empty(), store.tryLease("n", "b", LONG));
    store.release("n", "a");
    assertEquals(OptionalLong.of(2), store.tryLease("n", "b", LONG));
    assertEquals("b", admin.sync().get("tokenwise:{n}:lease"));
  }

  @Test
  void aPausedLeaseHolderCannotOverwriteANewerToken() throws Exception {
    long paused = store.tryLease("n", "a", Duration.ofMillis(50)).getAsLong();
    while (admin.sync().exists("tokenwise:{n}:lease") == 1) {
      Thread.sleep(10); // a's lease lapses while a is paused
    }
    long newer = store.tryLease("n", "b", LONG).getAsLong();
    assertTrue(newer > paused);
    assertTrue(store.compareAndSet("n", token(newer, "newer"), LONG));
    assertFalse(store.compareAndSet("n", token(paused, "stale"), LONG));
    assertFalse(store.compareAndSet("n", token(newer, "same fence"), LONG));
    assertArrayEquals("newer".getBytes(), store.get("n").orElseThrow().sealed());
    assertEquals(newer, store.get("n").orElseThrow().fence());
  }

  @Test
  void aLostFenceCounterRestartsAboveTheStoredToken() {
    long fence = store.tryLease("n", "a", LONG).getAsLong();
    assertTrue(store.compareAndSet("n", token(fence + 5, "t"), LONG));
    store.release("n", "a");
    admin.sync().del("tokenwise:{n}:fence");
    assertEquals(OptionalLong.of(fence + 6), store.tryLease("n", "b", LONG));
  }

  @Test
  void aTokenExpiresWithItsTimeToLiveAndCanBeInvalidated() {
    assertTrue(store.compareAndSet("n", token(1, "t"), Duration.ofSeconds(30)));
    long ttl = admin.sync().pttl("tokenwise:{n}:token");
    assertTrue(ttl > 0 && ttl <= 30_000, "pttl " + ttl);
    assertEquals("k1", store.get("n").orElseThrow().keyId());
    store.invalidate("n");
    assertEquals(Optional.empty(), store.get("n"));
  }

  @Test
  void keysAreThePrefixAndTheNameInOneHashSlot() {
    store.tryLease("n", "a", LONG);
    store.compareAndSet("n", token(1, "t"), LONG);
    assertEquals(List.of("tokenwise:{n}:fence", "tokenwise:{n}:lease", "tokenwise:{n}:token"),
        admin.sync().keys("*").stream().sorted().toList());
  }

  @Test
  void aStoppedRedisFailsFastAndTheStoreRecovers() throws Exception {
    store.get("n"); // connected
    redis.kill();
    try {
      long start = System.nanoTime();
      assertThrows(RuntimeException.class, () -> store.get("n"));
      assertThrows(RuntimeException.class, () -> store.tryLease("n", "a", LONG));
      // Bounded by the command timeout, not by a TCP timeout: far below a token request's.
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    } finally {
      redis.restart();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (; ; ) {
      try {
        assertEquals(Optional.empty(), store.get("n"));
        break;
      } catch (RuntimeException reconnecting) {
        if (System.nanoTime() > deadline) {
          throw reconnecting;
        }
        Thread.sleep(50);
      }
    }
    // A flushed Redis, as after a restart: the fence starts again, tokens are stored again.
    assertEquals(OptionalLong.of(1), store.tryLease("n", "a", LONG));
    assertTrue(store.compareAndSet("n", token(1, "t"), LONG));
  }

  @Test
  void aRedisDownAtStartIsAFailureNotAnExceptionAtBuildTime() throws Exception {
    RedisTokenStore unreachable = RedisTokenStore.builder(
        io.lettuce.core.RedisURI.create("redis://127.0.0.1:1")).build();
    try {
      assertThrows(RuntimeException.class, () -> unreachable.get("n"));
    } finally {
      unreachable.close();
    }
  }

  @Test
  void toStringShowsNoCredentials() {
    RedisTokenStore withPassword = RedisTokenStore.create("redis://:p4ssw0rd@127.0.0.1:1");
    try {
      assertFalse(withPassword.toString().contains("p4ssw0rd"));
    } finally {
      withPassword.close();
    }
  }
}
