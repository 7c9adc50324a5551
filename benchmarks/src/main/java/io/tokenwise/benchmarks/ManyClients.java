package io.tokenwise.benchmarks;

import io.tokenwise.ClientCredentials;
import io.tokenwise.TokenCache;
import com.squareup.moshi.Moshi;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Comparison 6: {@value #CLIENTS} clients, seen from outside. Connection pools: each client calls
 * the server once, one after another; a shared pool reuses one keep-alive connection, separate
 * pools open one each. Dispatcher threads: every client enqueues one call at once while the server
 * holds each answer {@value #HOLD_MILLIS} ms; the new dispatcher threads are counted.
 * Heap: used heap after full GCs with the clients held, minus before, per client.
 */
final class ManyClients {
  static final int CLIENTS = 100;
  static final long HOLD_MILLIS = 300;

  /** Connections the hundred used, dispatcher threads they started, their heap, token requests. */
  record Result(String how, int connections, int dispatcherThreads, long heapBytesPerClient,
      int tokenRequests, int calls) {}

  static List<Result> run() throws Exception {
    List<Result> results = new ArrayList<>();
    OkHttpClient base = new OkHttpClient();
    results.add(measure("Tokenwise, generated, built from one base OkHttpClient",
        (server, cache) -> i -> LedgerApiClient.builder()
            .credentials(ClientCredentials.of(Library.CLIENT_ID, Library.CLIENT_SECRET))
            .tokenUrl(server.tokenUrl().toString())
            .baseUrl(server.apiUrl().toString())
            .okHttpClient(base)
            .tokenCache(cache)
            .build()));
    results.add(measure("Tokenwise, generated, no base client given",
        (server, cache) -> i -> LedgerApiClient.builder()
            .credentials(ClientCredentials.of(Library.CLIENT_ID, Library.CLIENT_SECRET))
            .tokenUrl(server.tokenUrl().toString())
            .baseUrl(server.apiUrl().toString())
            .tokenCache(cache)
            .build()));
    results.add(measure("best practice: hand-written Retrofit, one shared OkHttpClient"
        + " (OkHttp's docs), one bearer interceptor on a newBuilder() view",
        (server, cache) -> {
          String header = "Bearer " + new PlainTokenClient(server.tokenUrl()).fetch().value();
          Moshi moshi = new Moshi.Builder().build();
          OkHttpClient shared = new OkHttpClient();
          return i -> new Retrofit.Builder()
              .baseUrl(server.apiUrl())
              .client(shared.newBuilder()
                  .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                      .header("Authorization", header).build()))
                  .build())
              .addConverterFactory(MoshiConverterFactory.create(moshi))
              .build()
              .create(LedgerApi.class);
        }));
    results.add(measure("naive: hand-written Retrofit, each with new OkHttpClient()"
        + " (OkHttp's docs advise against it)",
        (server, cache) -> {
          String header = "Bearer " + new PlainTokenClient(server.tokenUrl()).fetch().value();
          Moshi moshi = new Moshi.Builder().build();
          return i -> new Retrofit.Builder()
              .baseUrl(server.apiUrl())
              .client(new OkHttpClient.Builder()
                  .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                      .header("Authorization", header).build()))
                  .build())
              .addConverterFactory(MoshiConverterFactory.create(moshi))
              .build()
              .create(LedgerApi.class);
        }));
    return results;
  }

  interface Factory {
    IntFunction<LedgerApi> clients(TokenServer server, TokenCache cache) throws Exception;
  }

  private static Result measure(String how, Factory factory) throws Exception {
    try (TokenServer server = new TokenServer(0)) {
      IntFunction<LedgerApi> clients = factory.clients(server, TokenCache.create());
      // One client first, so class loading and one-time setup are not charged to the hundred.
      // Held to the end: a cache entry that no client holds is collected with its token.
      LedgerApi first = clients.apply(-1);
      first.balance("acc-1").execute();
      server.forgetApiConnections();

      long heapBefore = usedHeapAfterGc();
      List<LedgerApi> built = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        LedgerApi api = clients.apply(i);
        Response<LedgerApi.Balance> response = api.balance("acc-1").execute();
        if (!response.isSuccessful()) {
          throw new IllegalStateException(how + ": call answered " + response.code());
        }
        built.add(api);
      }
      long heapAfter = usedHeapAfterGc();
      int connections = server.apiConnections();

      Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
      server.apiDelayMillis(HOLD_MILLIS);
      CountDownLatch done = new CountDownLatch(CLIENTS);
      AtomicInteger failed = new AtomicInteger();
      for (LedgerApi api : built) {
        api.balance("acc-1").enqueue(new Callback<>() {
          @Override
          public void onResponse(Call<LedgerApi.Balance> call, Response<LedgerApi.Balance> r) {
            if (!r.isSuccessful()) {
              failed.incrementAndGet();
            }
            done.countDown();
          }

          @Override
          public void onFailure(Call<LedgerApi.Balance> call, Throwable t) {
            failed.incrementAndGet();
            done.countDown();
          }
        });
      }
      Thread.sleep(HOLD_MILLIS / 2); // Every call is now started or queued.
      int dispatcherThreads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !threadsBefore.contains(t) && isDispatcherThread(t))
          .collect(Collectors.toSet()).size();
      done.await();
      if (failed.get() != 0) {
        throw new IllegalStateException(how + ": " + failed + " async calls failed");
      }
      Reference.reachabilityFence(built);
      java.lang.ref.Reference.reachabilityFence(first);
      return new Result(how, connections, dispatcherThreads,
          (heapAfter - heapBefore) / CLIENTS, server.requests(), server.apiCalls());
    }
  }

  /** "OkHttp Dispatcher" when idle; while running a call OkHttp renames it after the URL. */
  private static boolean isDispatcherThread(Thread thread) {
    String name = thread.getName();
    return name.startsWith("OkHttp Dispatch") || name.startsWith("OkHttp http");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
