package io.tokenwise.redis;

import io.tokenwise.ClientCredentials;
import io.tokenwise.FleetProbe;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenFleet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * One process of the fleet test: a generated {@link FleetApi} client per mode, each on its own
 * {@link TokenCache} sharing tokens through Redis, called by {@code threads} threads. Prints
 * {@code READY} once each client has its first token, waits for {@code GO} on standard input,
 * calls for the given time, prints {@code RESULT key=value ...} and exits.
 *
 * <p>Arguments: redis URI, endpoints (per mode, comma separated: its token URL, a space, its
 * API base URL), modes (comma separated), duration (ms), threads, pause between calls (ms), encryption key (base64), Redis
 * command timeout (ms), lease time (ms).
 */
public final class FleetMember {
  public static void main(String[] args) throws Exception {
    String redisUri = args[0];
    List<String> endpoints = List.of(args[1].split(","));
    List<String> modes = List.of(args[2].split(","));
    long durationMillis = Long.parseLong(args[3]);
    int threads = Integer.parseInt(args[4]);
    long pauseMillis = Long.parseLong(args[5]);
    byte[] key = Base64.getDecoder().decode(args[6]);
    Duration commandTimeout = Duration.ofMillis(Long.parseLong(args[7]));
    Duration leaseTime = Duration.ofMillis(Long.parseLong(args[8]));

    RedisTokenStore store = RedisTokenStore.builder(io.lettuce.core.RedisURI.create(redisUri))
        .commandTimeout(commandTimeout)
        .build();
    TokenFleet fleet = TokenFleet.builder(store)
        .encryptionKey("fleet-test", key)
        .leaseTime(leaseTime)
        .storeRetryInterval(Duration.ofMillis(500))
        .build();
    // Generous: a call slowed by the shared machine is slow, not failed.
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    ClientCredentials credentials = ClientCredentials.of(Fleet.CLIENT_ID, Fleet.SECRET);

    Map<String, FleetApi> clients = new LinkedHashMap<>();
    Map<String, TokenCache> caches = new LinkedHashMap<>();
    for (int i = 0; i < modes.size(); i++) {
      String mode = modes.get(i);
      String[] urls = endpoints.get(i).split(" ");
      TokenCache cache = TokenCache.builder()
          .fleet(fleet)
          // Tokens of seconds: a token revoked by a fleet refresh may be refused once a cycle.
          .forcedRefreshInterval(Duration.ofSeconds(1))
          .build();
      caches.put(mode, cache);
      clients.put(mode, FleetApiClient.builder()
          .credentials(credentials)
          .tokenUrl(urls[0])
          .baseUrl(urls[1])
          .okHttpClient(http)
          .tokenCache(cache)
          .build());
    }
    for (FleetApi client : clients.values()) {
      if (!succeeds(client)) {
        throw new IllegalStateException("warm-up call failed");
      }
    }
    Map<String, Long> waitsBefore = new LinkedHashMap<>();
    caches.forEach((mode, cache) -> waitsBefore.put(mode, FleetProbe.callersThatWaited(cache)));
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    if (!"GO".equals(in.readLine())) {
      return;
    }

    Map<String, AtomicLong> calls = new LinkedHashMap<>();
    Map<String, AtomicLong> failed = new LinkedHashMap<>();
    for (String mode : modes) {
      calls.put(mode, new AtomicLong());
      failed.put(mode, new AtomicLong());
    }
    long end = System.currentTimeMillis() + durationMillis;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.currentTimeMillis() < end) {
          for (String mode : modes) {
            calls.get(mode).incrementAndGet();
            try {
              if (!succeeds(clients.get(mode))) {
                failed.get(mode).incrementAndGet();
              }
            } catch (Exception e) {
              failed.get(mode).incrementAndGet();
              System.err.println(mode + " call failed: " + e);
            }
          }
          try {
            Thread.sleep(pauseMillis / 2 + random.nextLong(pauseMillis + 1));
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "fleet-caller-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    StringBuilder result = new StringBuilder("RESULT pid=" + ProcessHandle.current().pid());
    for (String mode : modes) {
      result.append(' ').append(mode).append(".calls=").append(calls.get(mode))
          .append(' ').append(mode).append(".failed=").append(failed.get(mode))
          .append(' ').append(mode).append(".waited=")
          .append(FleetProbe.callersThatWaited(caches.get(mode)) - waitsBefore.get(mode));
    }
    System.out.println(result);
    System.out.flush();
    store.close();
    System.exit(0);
  }

  /** One API call; its body is read and closed. */
  private static boolean succeeds(FleetApi client) throws java.io.IOException {
    Response<ResponseBody> response = client.balance().execute();
    try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
      if (body != null) {
        body.string();
      }
    }
    return response.isSuccessful();
  }
}
