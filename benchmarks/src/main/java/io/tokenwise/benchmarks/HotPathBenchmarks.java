package io.tokenwise.benchmarks;

import io.tokenwise.TokenCache;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
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

/**
 * Comparison 1: what one API call pays for its token once one is cached, as an OkHttp
 * interceptor that puts {@code Authorization: Bearer ...} on the request, on the same in-memory
 * chain for every library. Tokenwise: the interceptor of a generated client built with the public
 * builder and its default clock ({@code Clock.systemUTC()}); each peer: its documented cached-token
 * call (see {@link Library}) wrapped in the interceptor a user would write; STATIC_HEADER: a
 * constant header, the floor of any interceptor. The token lives one hour, fetched once over HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  /** A {@link Library} name, or STATIC_HEADER. */
  @Param({"TOKENWISE", "SPRING", "GOOGLE", "AWS", "STATIC_HEADER"})
  public String library;

  private TokenServer server;
  private TokenSource source;
  private Interceptor interceptor;
  private Request request;

  /** Each thread its own chain, as each OkHttp call has its own. */
  @State(Scope.Thread)
  public static class Chain {
    FixedChain chain;

    @Setup
    public void setUp(HotPathBenchmarks bench) {
      chain = new FixedChain(bench.request);
    }
  }

  @Setup
  public void setUp() throws Exception {
    server = new TokenServer(0);
    request = TokenwiseInterceptor.apiRequest(server);
    switch (library) {
      case "TOKENWISE" -> interceptor = TokenwiseInterceptor.of(server, TokenCache.create());
      case "STATIC_HEADER" -> {
        String header = "Bearer " + new PlainTokenClient(server.tokenUrl()).fetch().value();
        interceptor = c -> c.proceed(c.request().newBuilder().header("Authorization", header)
            .build());
      }
      default -> {
        source = Library.valueOf(library).open(server, 1.0);
        boolean bearerIncluded = library.equals("GOOGLE"); // getRequestMetadata's header value
        TokenSource peer = source;
        interceptor = bearerIncluded
            ? c -> c.proceed(c.request().newBuilder().header("Authorization", token(peer))
                .build())
            : c -> c.proceed(c.request().newBuilder()
                .header("Authorization", "Bearer " + token(peer)).build());
      }
    }
    FixedChain check = new FixedChain(request);
    interceptor.intercept(check);
    interceptor.intercept(check);
    String header = check.proceeded().header("Authorization");
    if (header == null || !header.startsWith("Bearer ") || server.requests() != 1) {
      throw new IllegalStateException(library + " did not cache its token: "
          + server.requests() + " token requests");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    int requests = server.requests();
    if (source != null) {
      source.close();
    }
    server.close();
    if (requests != 1) {
      throw new IllegalStateException(library + " made " + requests + " token requests");
    }
  }

  private static String token(TokenSource source) throws IOException {
    try {
      return source.token();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** One API call's pass through the interceptor that adds its bearer token. */
  @Benchmark
  public Response apiCall(Chain chain) throws IOException {
    return interceptor.intercept(chain.chain);
  }
}
