package io.tokenwise.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under comparison 1: every library reads the wall clock once per call to decide
 * whether its token is still good, so none can be faster than one {@code currentTimeMillis()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClockBaseline {
  /** One wall-clock read, as Clock.systemUTC().millis() does. */
  @Benchmark
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }
}
