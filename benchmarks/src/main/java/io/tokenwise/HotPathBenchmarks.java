package io.tokenwise;

import java.util.concurrent.TimeUnit;
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
 * Comparison 1: the cached-token hot path of each library (JMH, same settings as the runtime's
 * TokenBenchmarks). The token comes from a local token endpoint once and lives one hour, so
 * every measured call is served from the library's cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  @Param({"TOKENWISE", "SPRING", "GOOGLE", "AWS"})
  public String library;

  private TokenServer server;
  private TokenSource source;

  @Setup
  public void setUp() throws Exception {
    server = new TokenServer(0);
    source = Library.valueOf(library).open(server, 1.0);
    source.token();
    if (source.token() == null || server.requests() != 1) {
      throw new IllegalStateException(library + " did not cache its token: "
          + server.requests() + " token requests");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    int requests = server.requests();
    source.close();
    server.close();
    if (requests != 1) {
      throw new IllegalStateException(library + " made " + requests + " token requests");
    }
  }

  /** One caller's token for one API call. */
  @Benchmark
  public String cachedToken() throws Exception {
    return source.token();
  }
}
