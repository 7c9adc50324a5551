package io.tokenwise.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local OAuth2 client-credentials token endpoint (MockWebServer) shared by every library under
 * test: it answers after a set latency, can be switched down (503), and logs when each token
 * request started and ended so that harnesses can tell which callers waited on one. Under
 * {@code /v1/} it also serves a small JSON API that wants a bearer token.
 */
final class TokenServer implements AutoCloseable {
  /** One token request as the server saw it, in {@link System#nanoTime()}. */
  record Exchange(long startNanos, long endNanos, boolean served) {}

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger issued = new AtomicInteger();
  private final List<Exchange> log = new ArrayList<>();
  private final Thread drain;
  private volatile long latencyMillis;
  private volatile boolean down;
  private volatile IntToLongFunction expiresIn = n -> 3_600;
  private volatile long apiDelayMillis;
  private final Set<Integer> apiConnections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final AtomicInteger apiWithoutBearer = new AtomicInteger();

  TokenServer(long latencyMillis) throws IOException {
    this.latencyMillis = latencyMillis;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return answer(request);
      }
    });
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start();
    // MockWebServer keeps every request it records; drop them so long runs keep a flat heap.
    drain = new Thread(() -> {
      try {
        for (; ; ) {
          server.takeRequest();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "token-server-drain");
    drain.setDaemon(true);
    drain.start();
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    long start = System.nanoTime();
    if (request.getUrl().encodedPath().startsWith("/v1/")) {
      return api(request);
    }
    if (!"POST".equals(request.getMethod())) {
      return new MockResponse.Builder().code(405).build();
    }
    if (down) {
      record(new Exchange(start, System.nanoTime(), false));
      return new MockResponse.Builder().code(503).body("{\"error\":\"temporarily_unavailable\"}")
          .setHeader("Content-Type", "application/json").build();
    }
    int n = issued.incrementAndGet();
    long delay = latencyMillis;
    if (delay > 0) {
      Thread.sleep(delay);
    }
    long lifetime = expiresIn.applyAsLong(n);
    record(new Exchange(start, System.nanoTime(), true));
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("Cache-Control", "no-store")
        .body("{\"access_token\":\"bench-token-" + n + "-" + Long.toHexString(start)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + "}")
        .build();
  }

  private MockResponse api(RecordedRequest request) throws InterruptedException {
    apiCalls.incrementAndGet();
    apiConnections.add(request.getConnectionIndex());
    String authorization = request.getHeaders().get("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer bench-token-")) {
      apiWithoutBearer.incrementAndGet();
      return new MockResponse.Builder().code(401).build();
    }
    long delay = apiDelayMillis;
    if (delay > 0) {
      Thread.sleep(delay);
    }
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(BALANCE)
        .build();
  }

  private static final String BALANCE =
      "{\"account\":\"acc-1\",\"currency\":\"USD\",\"amount\":\"125.40\"}";

  /** The API's base URL, for {@link LedgerApi}. */
  HttpUrl apiUrl() {
    return server.url("/v1/");
  }

  void apiDelayMillis(long apiDelayMillis) {
    this.apiDelayMillis = apiDelayMillis;
  }

  /** API calls received, and on how many distinct connections. */
  int apiCalls() {
    return apiCalls.get();
  }

  int apiConnections() {
    return apiConnections.size();
  }

  void forgetApiConnections() {
    apiConnections.clear();
  }

  int apiWithoutBearer() {
    return apiWithoutBearer.get();
  }

  private void record(Exchange exchange) {
    synchronized (log) {
      log.add(exchange);
    }
  }

  /** The token URL. */
  HttpUrl tokenUrl() {
    return server.url("/oauth2/token");
  }

  /** {@code expires_in} of the n-th token issued (1-based). */
  void expiresIn(IntToLongFunction expiresIn) {
    this.expiresIn = expiresIn;
  }

  void latencyMillis(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  /** While down, every token request is answered 503 at once. */
  void down(boolean down) {
    this.down = down;
  }

  /** Token requests received so far, answered or not. */
  int requests() {
    synchronized (log) {
      return log.size();
    }
  }

  /** Requests that started at or after {@code fromNanos} and before {@code toNanos}. */
  int requestsBetween(long fromNanos, long toNanos) {
    synchronized (log) {
      return (int) log.stream()
          .filter(e -> e.startNanos() >= fromNanos && e.startNanos() < toNanos).count();
    }
  }

  List<Exchange> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** True when [from, to] overlaps a token request that was in progress at the server. */
  boolean overlapsRequest(List<Exchange> exchanges, long fromNanos, long toNanos) {
    for (Exchange e : exchanges) {
      if (e.startNanos() <= toNanos && fromNanos <= e.endNanos()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Server sockets whose connections send at once. MockWebServer leaves Nagle's algorithm on, and
   * on Linux loopback each small response then waits for the client's delayed ACK: about 40 ms
   * a request, which would swamp everything measured here.
   */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }

  static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Override
  public void close() throws IOException {
    drain.interrupt();
    server.close();
  }
}
