package io.tokenwise.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.tokenwise.StoredToken;
import io.tokenwise.TokenFleet;
import io.tokenwise.TokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TokenStore} on Redis, through Lettuce: the second level that a fleet's processes share
 * (give it to {@link TokenFleet#builder}). Single node and Sentinel through a {@link RedisURI}
 * ({@code redis://host:6379}, {@code rediss://...}, {@code redis-sentinel://host:26379#mymaster}),
 * Cluster through a {@link RedisClusterClient}.
 *
 * <p>Per token key (a keyed digest, never a client id or secret) it keeps three Redis keys in one
 * hash slot: {@code <prefix>{<name>}:token}, a hash of the fence, the encryption key id and the
 * sealed token, expiring with the token; {@code :lease}, the lease holder ({@code SET NX PX},
 * released and extended by compare-and-delete and compare-and-expire scripts); {@code :fence}, a
 * counter ({@code INCR}) that only grows. The compare-and-set script refuses a token whose fence
 * is not above the stored one's, so a lease holder that paused past its lease never overwrites a
 * newer token.
 *
 * <p>It starts connecting when built, in the background. Every command times out after the
 * command timeout (200 ms by default); a store made here
 * rejects commands at once while disconnected and reconnects in the background within a second
 * or two. Tokenwise takes any failure as a cache miss.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {
  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  /** A fence counter outlives any token it fenced by far; then it may go. */
  private static final String FENCE_TIME_TO_LIVE_MILLIS = String.valueOf(TimeUnit.DAYS.toMillis(2));

  // KEYS: lease, fence, token. ARGV: owner, lease time (ms), fence time to live (ms).
  private static final String LEASE = String.join("\n",
      "if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end",
      "local fence = redis.call('INCR', KEYS[2])",
      "local stored = tonumber(redis.call('HGET', KEYS[3], 'fence') or '0')",
      // A counter lost to a flush or expiry restarts above the stored token's fence.
      "if fence <= stored then fence = stored + 1; redis.call('SET', KEYS[2], fence) end",
      "redis.call('PEXPIRE', KEYS[2], ARGV[3])",
      "return fence");
  // KEYS: lease. ARGV: owner, lease time (ms).
  private static final String EXTEND = String.join("\n",
      "if redis.call('GET', KEYS[1]) == ARGV[1] then",
      "  return redis.call('PEXPIRE', KEYS[1], ARGV[2])",
      "end",
      "return 0");
  // KEYS: lease. ARGV: owner.
  private static final String RELEASE = String.join("\n",
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end",
      "return 0");
  // KEYS: token. ARGV: fence, key id, sealed token, time to live (ms).
  private static final String COMPARE_AND_SET = String.join("\n",
      "local stored = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')",
      "if stored >= tonumber(ARGV[1]) then return 0 end",
      "redis.call('DEL', KEYS[1])",
      "redis.call('HSET', KEYS[1], 'fence', ARGV[1], 'kid', ARGV[2], 'sealed', ARGV[3])",
      "redis.call('PEXPIRE', KEYS[1], ARGV[4])",
      "return 1");

  private final Connector connector;
  private final String prefix;
  private final Duration commandTimeout;
  private StatefulConnection<String, byte[]> connection;
  private RedisClusterCommands<String, byte[]> commands;
  private boolean closed;

  private RedisTokenStore(Connector connector, String prefix, Duration commandTimeout) {
    this.connector = connector;
    this.prefix = prefix;
    this.commandTimeout = commandTimeout;
  }

  /** A store on the Redis at {@code uri} with default settings; close it when done. */
  public static RedisTokenStore create(String uri) {
    return builder(RedisURI.create(uri)).build();
  }

  /**
   * Settings for a store on the Redis (single node, or a master found through Sentinel) at
   * {@code uri}. The store makes and owns its Lettuce client.
   */
  public static Builder builder(RedisURI uri) {
    return new Builder(Objects.requireNonNull(uri, "uri == null"), null, null);
  }

  /** Settings for a store on a client you own and configure (it is not shut down by close()). */
  public static Builder builder(RedisClient client) {
    return new Builder(null, Objects.requireNonNull(client, "client == null"), null);
  }

  /**
   * Settings for a store on a Redis Cluster through a client you own. The keys of one token share
   * a hash slot ({@code {name}}), so every script runs on one node.
   */
  public static Builder builder(RedisClusterClient client) {
    return new Builder(null, null, Objects.requireNonNull(client, "client == null"));
  }

  @Override
  public Optional<StoredToken> get(String key) {
    Map<String, byte[]> fields = commands().hgetall(tokenKey(key));
    byte[] fence = fields.get("fence");
    byte[] keyId = fields.get("kid");
    byte[] sealed = fields.get("sealed");
    if (fence == null || keyId == null || sealed == null) {
      return Optional.empty();
    }
    return Optional.of(StoredToken.of(Long.parseLong(text(fence)), text(keyId), sealed));
  }

  @Override
  public OptionalLong tryLease(String key, String owner, Duration leaseTime) {
    Long fence = commands().eval(LEASE, ScriptOutputType.INTEGER,
        new String[] {leaseKey(key), fenceKey(key), tokenKey(key)},
        bytes(owner), bytes(leaseTime.toMillis()), bytes(FENCE_TIME_TO_LIVE_MILLIS));
    return fence == null || fence < 0 ? OptionalLong.empty() : OptionalLong.of(fence);
  }

  @Override
  public boolean extendLease(String key, String owner, Duration leaseTime) {
    Long extended = commands().eval(EXTEND, ScriptOutputType.INTEGER,
        new String[] {leaseKey(key)}, bytes(owner), bytes(leaseTime.toMillis()));
    return extended != null && extended == 1;
  }

  @Override
  public void release(String key, String owner) {
    commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {leaseKey(key)},
        bytes(owner));
  }

  @Override
  public boolean compareAndSet(String key, StoredToken token, Duration timeToLive) {
    Long stored = commands().eval(COMPARE_AND_SET, ScriptOutputType.INTEGER,
        new String[] {tokenKey(key)}, bytes(token.fence()), bytes(token.keyId()), token.sealed(),
        bytes(Math.max(1, timeToLive.toMillis())));
    return stored != null && stored == 1;
  }

  @Override
  public void invalidate(String key) {
    commands().del(tokenKey(key));
  }

  /** Closes the connection, and the client if this store made it. */
  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      connection.close();
      connection = null;
      commands = null;
    }
    connector.close();
  }

  @Override
  public String toString() {
    return "RedisTokenStore{prefix=" + prefix + ", commandTimeout=" + commandTimeout + "}";
  }

  /**
   * Starts connecting (and loading Lettuce and Netty, which takes seconds in a cold JVM) at once,
   * off the caller's thread, so that the first token request does not spend its deadline on it.
   * A failure is left for the first use to meet.
   */
  private void connectInBackground() {
    Thread connect = new Thread(() -> {
      try {
        commands();
      } catch (RuntimeException e) {
        // The first use connects again, and takes the failure as a cache miss.
      }
    }, "tokenwise-redis-connect");
    connect.setDaemon(true);
    connect.start();
  }

  /**
   * Connects on first use if the background connection failed: a Redis that is down when the
   * application starts is a cache miss like any other, and the next use tries again.
   */
  private synchronized RedisClusterCommands<String, byte[]> commands() {
    if (closed) {
      throw new IllegalStateException("RedisTokenStore is closed");
    }
    if (commands == null) {
      StatefulConnection<String, byte[]> opened = connector.connect();
      opened.setTimeout(commandTimeout);
      connection = opened;
      commands = opened instanceof StatefulRedisClusterConnection<String, byte[]> cluster
          ? cluster.sync()
          : ((StatefulRedisConnection<String, byte[]>) opened).sync();
    }
    return commands;
  }

  private String tokenKey(String key) {
    return prefix + "{" + key + "}:token";
  }

  private String leaseKey(String key) {
    return prefix + "{" + key + "}:lease";
  }

  private String fenceKey(String key) {
    return prefix + "{" + key + "}:fence";
  }

  private static byte[] bytes(Object value) {
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** How the store gets its connection, and what it must close. */
  private interface Connector {
    StatefulConnection<String, byte[]> connect();

    void close();
  }

  /** Settings of a {@link RedisTokenStore}. */
  public static final class Builder {
    private final RedisURI uri;
    private final RedisClient client;
    private final RedisClusterClient clusterClient;
    private String prefix = "tokenwise:";
    private Duration commandTimeout = Duration.ofMillis(200);
    private Duration connectTimeout = Duration.ofSeconds(1);

    private Builder(RedisURI uri, RedisClient client, RedisClusterClient clusterClient) {
      this.uri = uri;
      this.client = client;
      this.clusterClient = clusterClient;
    }

    /** The start of every key this store writes (default {@code tokenwise:}). */
    public Builder keyPrefix(String prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix == null");
      return this;
    }

    /**
     * How long one command may take (default 200 ms): past it the command fails and Tokenwise
     * fetches the token itself.
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** How long connecting may take, for a store that makes its own client (default 1 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The store. */
    public RedisTokenStore build() {
      Connector connector;
      if (clusterClient != null) {
        connector = new Connector() {
          @Override
          public StatefulConnection<String, byte[]> connect() {
            return clusterClient.connect(CODEC);
          }

          @Override
          public void close() {}
        };
      } else if (client != null) {
        connector = new Connector() {
          @Override
          public StatefulConnection<String, byte[]> connect() {
            return client.connect(CODEC);
          }

          @Override
          public void close() {}
        };
      } else {
        connector = ownClient(uri, commandTimeout, connectTimeout);
      }
      RedisTokenStore store = new RedisTokenStore(connector, prefix, commandTimeout);
      store.connectInBackground();
      return store;
    }

    /**
     * A client of the store's own: commands fail at once while disconnected instead of queueing,
     * and reconnection is tried every 50 ms to 1 s, so the fleet shares again soon after Redis
     * is back.
     */
    private static Connector ownClient(RedisURI uri, Duration commandTimeout,
        Duration connectTimeout) {
      ClientResources resources = ClientResources.builder()
          .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
              TimeUnit.MILLISECONDS))
          .build();
      RedisClient own = RedisClient.create(resources, uri);
      own.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
          .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
          .build());
      return new Connector() {
        @Override
        public StatefulConnection<String, byte[]> connect() {
          return own.connect(CODEC);
        }

        @Override
        public void close() {
          own.shutdown(Duration.ZERO, Duration.ofSeconds(2));
          resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
      };
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
