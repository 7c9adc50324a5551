package io.tokenwise;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * How a client's token requests reach the server: the parts of its OkHttpClient that OkHttp
 * itself tells connections apart by ({@code okhttp3.Address}): socket and TLS factories (a client
 * certificate for Mangopay's mutual TLS), hostname verifier, pinner, proxy, DNS, protocols.
 * Part of the cache key (docs/DESIGN.md, "The cache key"), so that a client never fetches
 * through another client's TLS. Clients built on one OkHttpClient, or on clients derived from it
 * with {@code newBuilder()}, have one transport.
 *
 * <p>The factories and resolvers are compared by identity and held weakly: a TLS factory may hold
 * a private key, and a key outliving its entry must not keep it.
 */
final class FetchTransport {
  /** The transport of fetchers that do not use HTTP (tests). */
  static final FetchTransport NONE = new FetchTransport(List.of(), new Object[0]);

  /** Stands for an absent part (no TLS factory on a cleartext-only client). */
  private static final Object ABSENT = new Object();

  private final List<Object> values;
  private final WeakReference<?>[] instances;
  private final int hash;

  private FetchTransport(List<Object> values, Object[] instances) {
    this.values = values;
    this.instances = new WeakReference<?>[instances.length];
    int identities = 1;
    for (int i = 0; i < instances.length; i++) {
      Object instance = instances[i] != null ? instances[i] : ABSENT;
      this.instances[i] = new WeakReference<>(instance);
      identities = 31 * identities + System.identityHashCode(instance);
    }
    this.hash = 31 * values.hashCode() + identities;
  }

  /** The transport of {@code client}'s token requests. */
  static FetchTransport of(OkHttpClient client) {
    Object sslSocketFactory;
    try {
      sslSocketFactory = client.sslSocketFactory();
    } catch (IllegalStateException cleartextOnly) {
      sslSocketFactory = null;
    }
    List<Object> values = Arrays.asList(client.protocols(), client.connectionSpecs(),
        client.certificatePinner(), client.proxy());
    return new FetchTransport(values, new Object[] {
        client.socketFactory(), sslSocketFactory, client.hostnameVerifier(), client.dns(),
        client.proxySelector(), client.proxyAuthenticator()});
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FetchTransport other) || hash != other.hash
        || !values.equals(other.values) || instances.length != other.instances.length) {
      return false;
    }
    for (int i = 0; i < instances.length; i++) {
      Object mine = instances[i].get();
      // A collected part belongs to no live client: such a key matches no other.
      if (mine == null || mine != other.instances[i].get()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "FetchTransport@" + Integer.toHexString(hash);
  }
}
