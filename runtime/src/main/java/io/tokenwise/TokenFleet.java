package io.tokenwise;

import io.tokenwise.internal.ProviderCatalog;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Shares tokens between the processes of a fleet through a {@link TokenStore} (Redis with {@code
 * tokenwise-redis}): one token request per refresh for the whole fleet, where the provider needs
 * it (docs/DESIGN.md, "A fleet"). Give it to {@link TokenCache.Builder#fleet}:
 *
 * <pre>{@code
 * TokenFleet fleet = TokenFleet.builder(RedisTokenStore.create("redis://tokens.internal:6379"))
 *     .encryptionKey("2026-12", keyBytes)   // 32 random bytes, the same in every process
 *     .build();
 * TokenCache cache = TokenCache.builder().fleet(fleet).build();
 * }</pre>
 *
 * <p>Each process still answers API calls from its own cache without touching the store; only a
 * token due for refresh, or missing, is looked up there. One process takes a lease and asks the
 * token endpoint, the others keep serving their current token (or wait, when they have none)
 * until the new one is stored. A store that is down, slow or flushed is a cache miss: the process
 * fetches its own token, still rate-limited, and goes back to sharing when the store answers again.
 */
public final class TokenFleet {
  private static final System.Logger LOG = System.getLogger("io.tokenwise.TokenFleet");
  private static final SecureRandom RANDOM = new SecureRandom();

  final TokenStore store;
  final TokenSeal seal;
  final long leaseTimeMillis;
  final long storeRetryMillis;
  private final Map<Provider, Boolean> singleFlight;
  /** This process's lease owner id: its pid (to tell operators who holds a lease) and a nonce. */
  final String owner;
  private volatile long storeDownUntil = Long.MIN_VALUE;

  private TokenFleet(Builder builder) {
    this.store = builder.store;
    this.seal = new TokenSeal(builder.keyId, builder.key);
    this.leaseTimeMillis = builder.leaseTime.toMillis();
    this.storeRetryMillis = builder.storeRetryInterval.toMillis();
    this.singleFlight = new EnumMap<>(builder.singleFlight);
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    this.owner = ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(nonce);
  }

  /** Settings for a fleet sharing tokens through {@code store}. */
  public static Builder builder(TokenStore store) {
    return new Builder(store);
  }

  /**
   * Whether {@code provider}'s tokens get one request per refresh for the whole fleet. By
   * default (each provider's definition says so): Paxos (it throttles an IP for 5 minutes past about one token request per second),
   * Mangopay (it rate-limits with 429s) and CUSTOM (an unknown server may revoke the previous
   * token when it issues a new one); Paysway and Papaya Global keep a token per process.
   */
  public boolean singleFlight(Provider provider) {
    return singleFlight.get(provider);
  }

  /** True unless the store failed within the last retry interval. */
  boolean storeUp(long now) {
    return now >= storeDownUntil;
  }

  /** The store failed: fetch without it for the retry interval. Never logs the cause's text. */
  void storeFailed(long now, RuntimeException e) {
    boolean wasUp = storeUp(now);
    storeDownUntil = now + storeRetryMillis;
    if (wasUp) {
      LOG.log(Level.WARNING, "token store failed (" + e.getClass().getName() + "); tokens are"
          + " fetched by each process for " + storeRetryMillis + " ms, then the store is tried"
          + " again");
    }
  }

  @Override
  public String toString() {
    return "TokenFleet{store=" + store.getClass().getSimpleName() + ", keyId=" + seal.keyId()
        + ", leaseTime=" + leaseTimeMillis + "ms}";
  }

  /** Settings of a {@link TokenFleet}: an encryption key is required. */
  public static final class Builder {
    private final TokenStore store;
    private String keyId;
    private byte[] key;
    private Duration leaseTime = Duration.ofSeconds(2);
    private Duration storeRetryInterval = Duration.ofSeconds(1);
    private final Map<Provider, Boolean> singleFlight = new EnumMap<>(Provider.class);

    private Builder(TokenStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      for (Provider provider : Provider.values()) {
        singleFlight.put(provider, ProviderCatalog.spec(provider).fleetSingleFlight());
      }
    }

    /**
     * The key that seals tokens in the store (AES-GCM) and names them (HMAC): 16, 24 or 32 bytes,
     * the same in every process of the fleet, kept as secret as the client secrets. {@code id} is
     * stored beside each token; a process with another key id takes a stored token for none.
     * Rotating the key starts a new set of names: every process fetches once more.
     */
    public Builder encryptionKey(String id, byte[] key) {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(key, "key == null");
      if (id.isBlank()) {
        throw new IllegalArgumentException("encryption key id is blank");
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not "
            + key.length + ": generate 32 random bytes");
      }
      this.keyId = id;
      this.key = key.clone();
      return this;
    }

    /** {@link #encryptionKey(String, byte[])} with the key in base64 (as from a secret store). */
    public Builder encryptionKey(String id, String base64Key) {
      Objects.requireNonNull(base64Key, "base64Key == null");
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(base64Key.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the encryption key is not base64");
      }
      return encryptionKey(id, decoded);
    }

    /**
     * How long a lease lasts unless its holder extends it (default 2 s). The holder extends it
     * every third of this while its token request runs; a holder that dies holds the fleet's
     * refresh up for at most this long.
     */
    public Builder leaseTime(Duration leaseTime) {
      Objects.requireNonNull(leaseTime, "leaseTime == null");
      if (leaseTime.toMillis() < 3) {
        throw new IllegalArgumentException("leaseTime must be at least 3 ms: " + leaseTime);
      }
      this.leaseTime = leaseTime;
      return this;
    }

    /** After a store failure, how long each process fetches on its own (default 1 s). */
    public Builder storeRetryInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("storeRetryInterval is negative: " + interval);
      }
      this.storeRetryInterval = interval;
      return this;
    }

    /**
     * Whether {@code provider}'s tokens get one token request per refresh for the whole fleet
     * (true), or each process keeps its own token without the store (false). See {@link
     * TokenFleet#singleFlight(Provider)} for the defaults.
     */
    public Builder singleFlight(Provider provider, boolean enabled) {
      singleFlight.put(Objects.requireNonNull(provider, "provider == null"), enabled);
      return this;
    }

    /** The fleet settings. */
    public TokenFleet build() {
      if (key == null) {
        throw new IllegalStateException("a fleet needs an encryption key: call"
            + " encryptionKey(id, key) with 32 random bytes shared by every process");
      }
      return new TokenFleet(this);
    }
  }
}
