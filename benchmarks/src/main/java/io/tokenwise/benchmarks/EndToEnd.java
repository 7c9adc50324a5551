package io.tokenwise.benchmarks;

import io.tokenwise.ClientCredentials;
import io.tokenwise.TokenCache;
import com.squareup.moshi.Moshi;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Comparison 5: a generated Tokenwise client against hand-written Retrofit with a static {@code
 * Authorization} header, both built on one OkHttpClient (same pool), same interface, same Moshi,
 * against the same local server. {@value #THREADS} caller threads call {@code execute()} in a
 * loop; the two run in alternation, {@value #ROUNDS} rounds of {@value #ROUND_SECONDS} s each after
 * a warm-up, so drift on the machine hits both alike.
 */
final class EndToEnd {
  static final int THREADS = 2;
  static final int ROUNDS = 10;
  static final int ROUND_SECONDS = 3;
  static final int WARMUP_ROUNDS = 2;

  /**
   * One client's figures over all rounds; {@code medianRoundRatio} is the median over rounds of
   * its requests/s divided by the other client's in the same round (a paired comparison).
   */
  record Result(String client, double requestsPerSecond, double p50Micros, double p99Micros,
      long calls, long failed, double medianRoundRatio) {}

  static Result[] run() throws Exception {
    try (TokenServer server = new TokenServer(0)) {
      OkHttpClient base = new OkHttpClient();
      Moshi moshi = new Moshi.Builder().build();
      LedgerApi generated = LedgerApiClient.builder()
          .credentials(ClientCredentials.of(Library.CLIENT_ID, Library.CLIENT_SECRET))
          .tokenUrl(server.tokenUrl().toString())
          .baseUrl(server.apiUrl().toString())
          .okHttpClient(base)
          .tokenCache(TokenCache.create())
          .moshi(moshi)
          .build();
      String header = "Bearer " + new PlainTokenClient(server.tokenUrl()).fetch().value();
      OkHttpClient staticHeader = base.newBuilder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("Authorization", header).build()))
          .build();
      LedgerApi handWritten = new Retrofit.Builder()
          .baseUrl(server.apiUrl())
          .client(staticHeader)
          .addConverterFactory(MoshiConverterFactory.create(moshi))
          .build()
          .create(LedgerApi.class);

      Samples tokenwise = new Samples();
      Samples retrofit = new Samples();
      double[] ratios = new double[ROUNDS];
      for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        boolean measured = round >= WARMUP_ROUNDS;
        Samples a = measured ? tokenwise : new Samples();
        Samples b = measured ? retrofit : new Samples();
        double rateA;
        double rateB;
        // Alternate which goes first, so neither always runs on a warmer machine.
        if (round % 2 == 0) {
          rateA = measure(generated, a);
          rateB = measure(handWritten, b);
        } else {
          rateB = measure(handWritten, b);
          rateA = measure(generated, a);
        }
        if (measured) {
          ratios[round - WARMUP_ROUNDS] = rateA / rateB;
        }
      }
      if (server.apiWithoutBearer() != 0) {
        throw new IllegalStateException(server.apiWithoutBearer() + " API calls had no token");
      }
      Arrays.sort(ratios);
      double median = (ratios[ROUNDS / 2 - 1] + ratios[ROUNDS / 2]) / 2;
      return new Result[] {
          tokenwise.result("Tokenwise generated client", median),
          retrofit.result("Retrofit, static header", 1 / median)};
    }
  }

  /** Latencies of one variant over its rounds. */
  private static final class Samples {
    long[] nanos = new long[1 << 16];
    int count;
    long failed;
    long elapsedNanos;

    synchronized void add(long[] latencies, int n, long failures) {
      while (count + n > nanos.length) {
        nanos = Arrays.copyOf(nanos, nanos.length * 2);
      }
      System.arraycopy(latencies, 0, nanos, count, n);
      count += n;
      failed += failures;
    }

    Result result(String client, double medianRoundRatio) {
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      return new Result(client, count / (elapsedNanos / 1e9),
          sorted[(int) (count * 0.50)] / 1e3, sorted[(int) (count * 0.99)] / 1e3, count, failed,
          medianRoundRatio);
    }
  }

  /** One round of one client; returns its requests/s in the round. */
  private static double measure(LedgerApi api, Samples samples) throws InterruptedException {
    int before = samples.count;
    AtomicBoolean running = new AtomicBoolean(true);
    Thread[] callers = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      callers[t] = new Thread(() -> {
        long[] latencies = new long[1 << 16];
        int n = 0;
        long failures = 0;
        while (running.get()) {
          long start = System.nanoTime();
          try {
            Response<LedgerApi.Balance> response = api.balance("acc-1").execute();
            if (!response.isSuccessful() || response.body() == null
                || !"125.40".equals(response.body().amount)) {
              failures++;
            }
          } catch (Exception e) {
            failures++;
          }
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = System.nanoTime() - start;
        }
        samples.add(latencies, n, failures);
      }, "e2e-caller-" + t);
    }
    long start = System.nanoTime();
    for (Thread caller : callers) {
      caller.start();
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(ROUND_SECONDS));
    running.set(false);
    for (Thread caller : callers) {
      caller.join();
    }
    long elapsed = System.nanoTime() - start;
    samples.elapsedNanos += elapsed;
    return (samples.count - before) / (elapsed / 1e9);
  }
}
