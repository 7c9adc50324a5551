package io.tokenwise.benchmarks;

import io.tokenwise.TokenCache;
import io.tokenwise.TokenFleet;
import io.tokenwise.redis.RedisTokenStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

/**
 * The cached-token hot path with a fleet's Redis store configured against the same path without
 * one (docs/FLEET.md): API calls are answered from the process's own cache, so the two should be
 * equal. Measured through a generated client's bearer interceptor (as comparison 1), on a
 * chain per thread. The token lives one hour; the store is asked once, when the first token is fetched.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FleetHotPathBenchmarks {
  @Param({"IN_PROCESS", "REDIS"})
  public String store;

  private TokenServer server;
  private RedisServer redisServer;
  private RedisTokenStore redisStore;
  private Interceptor bearer;
  private okhttp3.Request request;

  /** Each thread its own chain, as each OkHttp call has its own. */
  @State(Scope.Thread)
  public static class Chain {
    FixedChain chain;

    @Setup
    public void setUp(FleetHotPathBenchmarks bench) {
      chain = new FixedChain(bench.request);
    }
  }

  @Setup
  public void setUp() throws Exception {
    server = new TokenServer(0);
    TokenCache.Builder cache = TokenCache.builder();
    if (store.equals("REDIS")) {
      int port = freePort();
      redisServer = RedisServer.builder().port(port).bind("127.0.0.1")
          .setting("save \"\"").build();
      redisServer.start();
      redisStore = RedisTokenStore.create("redis://127.0.0.1:" + port);
      cache.fleet(TokenFleet.builder(redisStore)
          .encryptionKey("bench", new byte[32])
          .build());
    }
    bearer = TokenwiseInterceptor.of(server, cache.build());
    request = TokenwiseInterceptor.apiRequest(server);
    bearer.intercept(new FixedChain(request));
    if (server.requests() != 1) {
      throw new IllegalStateException(store + ": " + server.requests() + " token requests");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    int requests = server.requests();
    if (redisStore != null) {
      redisStore.close();
      redisServer.stop();
    }
    server.close();
    if (requests != 1) {
      throw new IllegalStateException(store + " made " + requests + " token requests");
    }
  }

  /** One API call's pass through the generated client's bearer interceptor. */
  @Benchmark
  public Response cachedToken(Chain chain) throws Exception {
    return bearer.intercept(chain.chain);
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
