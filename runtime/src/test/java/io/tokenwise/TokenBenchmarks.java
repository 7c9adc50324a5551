package io.tokenwise;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's hot paths (JMH; run by {@code RuntimeBenchmarks}, see docs/BENCHMARKS.md): reading
 * a cached token, and the bearer interceptor against a static-header interceptor on the same
 * in-memory chain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TokenBenchmarks {
  private TokenEntry entry;
  private Interceptor bearer;
  private Interceptor staticHeader;
  private FixedChain chain;

  @Setup
  public void setUp() throws IOException {
    TokenFetcher oneHourTokens = () -> {
      Instant now = Instant.now();
      return CompletableFuture.completedFuture(AccessToken.create(
          "eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW5jaCJ9.c2ln", now, now.plus(Duration.ofHours(1)),
          Set.of()));
    };
    TokenKey key = FakeFetcher.key("bench");
    entry = TokenCache.create() // the default clock, as every client has it
        .entry(key, Provider.PAXOS, oneHourTokens);
    entry.token(); // cached from here on
    bearer = new BearerInterceptor(entry, Provider.PAXOS,
        java.util.List.of(okhttp3.HttpUrl.get("https://127.0.0.1/v2/")));
    String header = "Bearer " + entry.token().value();
    staticHeader = c -> c.proceed(c.request().newBuilder().header("Authorization", header).build());
    chain = new FixedChain(new Request.Builder().url("https://127.0.0.1/v2/transfers").build());
  }

  /** The cost every API call pays for its token once one is cached. */
  @Benchmark
  public AccessToken cachedToken() throws IOException {
    return entry.token();
  }

  @Benchmark
  public Response bearerInterceptor() throws IOException {
    return bearer.intercept(chain);
  }

  @Benchmark
  public Response staticHeaderInterceptor() throws IOException {
    return staticHeader.intercept(chain);
  }

  /**
   * A chain whose next step answers one prepared 200 at once: only the interceptor's own work is
   * measured, with no allocation but the interceptor's.
   */
  static final class FixedChain implements Interceptor.Chain {
    private final Request request;
    private final Response response;

    FixedChain(Request request) {
      this.request = request;
      this.response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1)
          .code(200).message("OK").build();
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request request) {
      return response;
    }

    private static UnsupportedOperationException unused() {
      return new UnsupportedOperationException("not used by the interceptors measured");
    }

    // The rest of Chain is not used by either interceptor.
    @Override public okhttp3.Connection connection() { return null; }
    @Override public okhttp3.Call call() { return null; } // read only while waiting for a token
    @Override public int connectTimeoutMillis() { return 0; }
    @Override public Interceptor.Chain withConnectTimeout(int t, TimeUnit u) { throw unused(); }
    @Override public int readTimeoutMillis() { return 0; }
    @Override public Interceptor.Chain withReadTimeout(int t, TimeUnit u) { throw unused(); }
    @Override public int writeTimeoutMillis() { return 0; }
    @Override public Interceptor.Chain withWriteTimeout(int t, TimeUnit u) { throw unused(); }
    @Override public boolean getFollowSslRedirects() { return false; }
    @Override public boolean getFollowRedirects() { return false; }
    @Override public okhttp3.Dns getDns() { throw unused(); }
    @Override public Interceptor.Chain withDns(okhttp3.Dns d) { throw unused(); }
    @Override public javax.net.SocketFactory getSocketFactory() { throw unused(); }
    @Override public Interceptor.Chain withSocketFactory(javax.net.SocketFactory f) { throw unused(); }
    @Override public boolean getRetryOnConnectionFailure() { return false; }
    @Override public Interceptor.Chain withRetryOnConnectionFailure(boolean b) { throw unused(); }
    @Override public okhttp3.Authenticator getAuthenticator() { throw unused(); }
    @Override public Interceptor.Chain withAuthenticator(okhttp3.Authenticator a) { throw unused(); }
    @Override public okhttp3.CookieJar getCookieJar() { throw unused(); }
    @Override public Interceptor.Chain withCookieJar(okhttp3.CookieJar j) { throw unused(); }
    @Override public okhttp3.Cache getCache() { return null; }
    @Override public Interceptor.Chain withCache(okhttp3.Cache c) { throw unused(); }
    @Override public java.net.Proxy getProxy() { return null; }
    @Override public Interceptor.Chain withProxy(java.net.Proxy p) { throw unused(); }
    @Override public java.net.ProxySelector getProxySelector() { throw unused(); }
    @Override public Interceptor.Chain withProxySelector(java.net.ProxySelector s) { throw unused(); }
    @Override public okhttp3.Authenticator getProxyAuthenticator() { throw unused(); }
    @Override public Interceptor.Chain withProxyAuthenticator(okhttp3.Authenticator a) { throw unused(); }
    @Override public javax.net.ssl.SSLSocketFactory getSslSocketFactoryOrNull() { return null; }
    @Override public Interceptor.Chain withSslSocketFactory(javax.net.ssl.SSLSocketFactory f, javax.net.ssl.X509TrustManager m) { throw unused(); }
    @Override public javax.net.ssl.X509TrustManager getX509TrustManagerOrNull() { return null; }
    @Override public javax.net.ssl.HostnameVerifier getHostnameVerifier() { throw unused(); }
    @Override public Interceptor.Chain withHostnameVerifier(javax.net.ssl.HostnameVerifier v) { throw unused(); }
    @Override public okhttp3.CertificatePinner getCertificatePinner() { throw unused(); }
    @Override public Interceptor.Chain withCertificatePinner(okhttp3.CertificatePinner p) { throw unused(); }
    @Override public okhttp3.ConnectionPool getConnectionPool() { throw unused(); }
    @Override public Interceptor.Chain withConnectionPool(okhttp3.ConnectionPool p) { throw unused(); }
    @Override public okhttp3.EventListener getEventListener() { throw unused(); }
  }
}
