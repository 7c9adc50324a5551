package io.tokenwise.benchmarks;

import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An {@link Interceptor.Chain} whose next step answers one prepared 200 at once and remembers the
 * request it was given: only an interceptor's own work is measured. One per thread.
 */
final class FixedChain implements Interceptor.Chain {
  private final Request request;
  private final Response response;
  private Request proceeded;

  FixedChain(Request request) {
    this.request = request;
    this.response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1)
        .code(200).message("OK").build();
  }

  /** The request the interceptor passed on, as the network would see it. */
  Request proceeded() {
    return proceeded;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request request) {
    proceeded = request;
    return response;
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not used by the interceptors measured");
  }

  // The rest of Chain is not used by the interceptors measured.
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
