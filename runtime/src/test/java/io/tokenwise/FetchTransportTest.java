package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

/** Which OkHttpClients are one transport, and so may share a token (docs/DESIGN.md). */
final class FetchTransportTest {
  private final OkHttpClient base = new OkHttpClient();

  @Test
  void aClientAndTheClientsDerivedFromItAreOneTransport() {
    OkHttpClient derived = base.newBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request()))
        .addNetworkInterceptor(chain -> chain.proceed(chain.request()))
        .followRedirects(false)
        .build();
    assertEquals(FetchTransport.of(base), FetchTransport.of(derived));
    assertEquals(FetchTransport.of(base).hashCode(), FetchTransport.of(derived).hashCode());
    assertEquals(FetchTransport.of(base), FetchTransport.of(HttpTokenFetcher.tokenClient(base)));
  }

  @Test
  void anotherSocketFactoryProxyOrProtocolListIsAnotherTransport() {
    assertNotEquals(FetchTransport.of(base), FetchTransport.of(
        base.newBuilder().socketFactory(new DelegatingSocketFactory()).build()));
    assertNotEquals(FetchTransport.of(base), FetchTransport.of(
        base.newBuilder().proxy(java.net.Proxy.NO_PROXY).build()));
    assertNotEquals(FetchTransport.of(base), FetchTransport.of(
        base.newBuilder().protocols(List.of(Protocol.HTTP_1_1)).build()));
  }

  @Test
  void aCleartextOnlyClientIsOneTransportToo() {
    OkHttpClient cleartext = base.newBuilder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    assertEquals(FetchTransport.of(cleartext), FetchTransport.of(cleartext.newBuilder().build()));
    assertNotEquals(FetchTransport.of(base), FetchTransport.of(cleartext));
  }

  /** A key that outlives its client does not keep the client's socket or TLS factories. */
  @Test
  void aTransportDoesNotKeepItsFactoriesAlive() throws Exception {
    WeakReference<SocketFactory> factory = new WeakReference<>(null);
    FetchTransport transport = null;
    for (int i = 0; i < 1; i++) { // a scope of its own, so that no local holds the factory
      SocketFactory own = new DelegatingSocketFactory();
      factory = new WeakReference<>(own);
      transport = FetchTransport.of(base.newBuilder().socketFactory(own).build());
    }
    for (int i = 0; i < 100 && factory.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(factory.get(), "the transport kept its socket factory reachable");
    assertEquals(transport, transport);
    assertNotEquals(FetchTransport.of(base), transport);
  }

  private static final class DelegatingSocketFactory extends SocketFactory {
    @Override
    public java.net.Socket createSocket() throws java.io.IOException {
      return SocketFactory.getDefault().createSocket();
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
      return SocketFactory.getDefault().createSocket(host, port);
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local,
        int localPort) throws java.io.IOException {
      return SocketFactory.getDefault().createSocket(host, port, local, localPort);
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port)
        throws java.io.IOException {
      return SocketFactory.getDefault().createSocket(host, port);
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port,
        java.net.InetAddress local, int localPort) throws java.io.IOException {
      return SocketFactory.getDefault().createSocket(host, port, local, localPort);
    }
  }
}
