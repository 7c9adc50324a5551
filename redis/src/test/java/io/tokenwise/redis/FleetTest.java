package io.tokenwise.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet of issue 14, for real: {@code tokenwise.fleet.processes} JVMs (8) of {@code
 * tokenwise.fleet.threads} threads (25) each call through generated clients for {@code
 * tokenwise.fleet.duration} (30 s in mvn verify; docs/FLEET.md has the long run), sharing one
 * Redis, against the provider emulator of tokenwise-testing issuing 20 s tokens. Two keys at once,
 * each the CUSTOM provider of its own emulator: a plain one, and one that revokes the previous
 * token whenever it issues a new one ({@code invalidatePreviousTokenOnIssue}).
 *
 * <p>Asserted: one token request per refresh cycle for the whole fleet (consecutive requests are
 * a refresh period apart, never two in one cycle); no call failed; no call of the plain key
 * waited for a token (refreshes happen while the current token is usable) and none was refused;
 * the emulator received exactly the calls the processes made (plus each one's warm-up call and
 * one retry per 401); Redis holds no client id, secret or token, and the processes' logs none
 * either.
 */
final class FleetTest {
  static final Duration LIFETIME = Duration.ofSeconds(20);
  static final int PROCESSES = Integer.getInteger("tokenwise.fleet.processes", 8);
  static final int THREADS = Integer.getInteger("tokenwise.fleet.threads", 25);
  static final Duration DURATION = Duration.parse(
      System.getProperty("tokenwise.fleet.duration", "PT30S"));
  static final long PAUSE_MILLIS = 500;

  /** DESIGN.md: H = min(60 s, max(5 s, 5 % of L), L/4); refresh L/10 before expiry - H. */
  static long usableMillis() {
    long life = LIFETIME.toMillis();
    return life - Math.min(60_000, Math.min(Math.max(5_000, life / 20), life / 4));
  }

  static long refreshMillis() {
    return usableMillis() - LIFETIME.toMillis() / 10;
  }

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * An emulator whose CUSTOM provider issues the fleet's tokens ({@link #LIFETIME}) to the fleet's
   * credentials, revoking the previous token on each issue if {@code revoking}.
   */
  static ProviderEmulator emulator(boolean revoking) {
    return ProviderEmulator.start()
        .credentials(Provider.CUSTOM, ClientCredentials.of(Fleet.CLIENT_ID, Fleet.SECRET))
        .tokenLifetime(Provider.CUSTOM, LIFETIME)
        .invalidatePreviousTokenOnIssue(Provider.CUSTOM, revoking);
  }

  /** When each of the emulator's CUSTOM token requests arrived (epoch ms), oldest first. */
  static List<Long> requestTimes(ProviderEmulator emulator) {
    return emulator.tokenRequests(Provider.CUSTOM).stream()
        .map(request -> request.receivedAt().toEpochMilli()).toList();
  }

  @Test
  void aFleetSendsOneTokenRequestPerRefreshAndNoCallFails() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ProviderEmulator plain = emulator(false);
        ProviderEmulator revoking = emulator(true)) {
      Map<String, ProviderEmulator> emulators = new LinkedHashMap<>();
      emulators.put("plain", plain);
      emulators.put("revoking", revoking);
      run(redis, emulators);
    }
  }

  private static void run(RedisServer redis, Map<String, ProviderEmulator> emulators)
      throws Exception {
    try (Fleet fleet = Fleet.launch(PROCESSES, redis.uri(), emulators, DURATION, THREADS,
        PAUSE_MILLIS, randomKey())) {
      fleet.start(Duration.ofSeconds(90));
      Map<String, Integer> startup = new LinkedHashMap<>();
      emulators.forEach((mode, emulator) ->
          startup.put(mode, emulator.tokenRequestCount(Provider.CUSTOM)));
      List<Map<String, Long>> results = fleet.results(DURATION.plusSeconds(60));
      assertEquals(PROCESSES, results.size());

      FleetReport report = new FleetReport("Fleet run", redis.binaryName(), DURATION);
      Map<String, List<Long>> steady = new java.util.HashMap<>();
      for (String mode : emulators.keySet()) {
        ProviderEmulator emulator = emulators.get(mode);
        // From the last request at start-up on: the JVMs start cold, on a shared machine.
        List<Long> all = requestTimes(emulator);
        steady.put(mode, all.subList(startup.get(mode) - 1, all.size()));
        report.row(mode, PROCESSES, THREADS, sum(results, mode + ".calls"),
            sum(results, mode + ".failed"), sum(results, mode + ".waited"), steady.get(mode),
            emulator);
        report.note(mode + ": " + startup.get(mode) + " token request(s) while the "
            + PROCESSES + " JVMs started, then " + (all.size() - startup.get(mode))
            + " while they called; the emulator answered "
            + emulator.apiCallCount(Provider.CUSTOM) + " API calls (warm-up included), "
            + emulator.rejectedApiCallCount(Provider.CUSTOM) + " of them with 401.");
      }
      report.write();
      for (String mode : List.of("plain", "revoking")) {
        assertEquals(0, sum(results, mode + ".failed"), mode + ": failed calls");
        assertOneRequestPerCycle(mode, steady.get(mode));
      }
      assertEquals(0, sum(results, "plain.waited"),
          "plain: calls that waited while the fleet refreshed");
      for (String mode : emulators.keySet()) {
        // The emulator saw exactly the processes' calls: each one's warm-up call, every call
        // counted, and one retry per 401 (a retry refused again would have been a failed call).
        ProviderEmulator emulator = emulators.get(mode);
        int refused = emulator.rejectedApiCallCount(Provider.CUSTOM);
        assertEquals(sum(results, mode + ".calls") + PROCESSES + refused,
            emulator.apiCallCount(Provider.CUSTOM), mode + ": API calls at the emulator");
      }
      assertEquals(0, emulators.get("plain").rejectedApiCallCount(Provider.CUSTOM),
          "plain: calls refused with 401");

      String dump = dump(redis);
      assertFalse(dump.isEmpty(), "nothing in Redis: was it used at all?");
      assertTrue(dump.contains("tokenwise:{"));
      String logs = fleet.logs();
      for (String secret : secrets(emulators.values())) {
        assertFalse(dump.contains(secret), "Redis holds a secret, client id or token in clear");
        assertFalse(logs.contains(secret), "a process logged a secret, client id or token");
      }
    }
  }

  /**
   * Consecutive token requests lie one refresh apart: more than half a lifetime (two requests of
   * one cycle would come within a lease of each other) and less than the usable time (the fleet
   * refreshed before its token went out of use). So N cycles took exactly N requests.
   */
  static void assertOneRequestPerCycle(String mode, List<Long> requests) {
    assertTrue(requests.size() >= 3, mode + ": fewer than two refreshes happened");
    for (int i = 1; i < requests.size(); i++) {
      long gap = requests.get(i) - requests.get(i - 1);
      assertTrue(gap > LIFETIME.toMillis() / 2 && gap <= usableMillis(),
          mode + ": token requests " + (i - 1) + " and " + i + " came " + gap + " ms apart; one"
              + " per cycle is " + LIFETIME.toMillis() / 2 + "-" + usableMillis() + " ms; all: "
              + gaps(requests));
    }
  }

  static List<Long> gaps(List<Long> requests) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < requests.size(); i++) {
      gaps.add(requests.get(i) - requests.get(i - 1));
    }
    return gaps;
  }

  static long sum(List<Map<String, Long>> results, String key) {
    return results.stream().mapToLong(result -> result.getOrDefault(key, 0L)).sum();
  }

  /** Every key and value in Redis (KEYS, then GET or HGETALL), as one string. */
  static String dump(RedisServer redis) {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<byte[], byte[]> connection =
        client.connect(ByteArrayCodec.INSTANCE)) {
      StringBuilder all = new StringBuilder();
      for (byte[] key : connection.sync().keys("*")) {
        all.append(new String(key, StandardCharsets.ISO_8859_1)).append('\n');
        String type = connection.sync().type(key);
        if (type.equals("string")) {
          all.append(new String(connection.sync().get(key), StandardCharsets.ISO_8859_1));
        } else if (type.equals("hash")) {
          connection.sync().hgetall(key).forEach((field, value) -> all
              .append(new String(field, StandardCharsets.ISO_8859_1)).append('=')
              .append(new String(value, StandardCharsets.ISO_8859_1)).append('\n'));
        }
        all.append('\n');
      }
      return all.toString();
    } finally {
      client.shutdown();
    }
  }

  /** The fleet's client id and secret, and every token the emulators issued. */
  static List<String> secrets(Collection<ProviderEmulator> emulators) {
    List<String> secrets = new ArrayList<>(List.of(Fleet.CLIENT_ID, Fleet.SECRET));
    for (ProviderEmulator emulator : emulators) {
      secrets.addAll(emulator.issuedTokens(Provider.CUSTOM));
    }
    return secrets;
  }

  /** The figures of a run, printed and written to target/fleet-report-<title>.md. */
  static final class FleetReport {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();
    private final String file;

    FleetReport(String title, String redisBinary, Duration duration) {
      this.file = "fleet-report-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
          + ".md";
      text.append("### ").append(title).append("\n\n")
          .append(LIFETIME.toSeconds()).append(" s tokens (refresh every ")
          .append(refreshMillis()).append(" ms, usable for ").append(usableMillis())
          .append(" ms), ").append(duration.toSeconds()).append(" s of calls, Redis: ")
          .append(redisBinary).append(", ").append(Runtime.getRuntime().availableProcessors())
          .append(" CPUs\n\n")
          .append("| key | processes x threads | API calls | failed | waited for a token |"
              + " token requests | gaps between token requests (ms) | 401s answered |\n")
          .append("|---|---|---:|---:|---:|---:|---|---:|\n");
    }

    void row(String mode, int processes, int threads, long calls, long failed, long waited,
        List<Long> requests, ProviderEmulator emulator) {
      text.append("| ").append(mode).append(" | ").append(processes).append(" x ")
          .append(threads).append(" | ").append(calls).append(" | ").append(failed)
          .append(" | ").append(waited).append(" | ").append(requests.size()).append(" | ")
          .append(gaps(requests)).append(" | ").append(emulator.rejectedApiCallCount(Provider.CUSTOM)).append(" |\n");
    }

    void note(String line) {
      notes.append('\n').append(line).append('\n');
    }

    void write() throws java.io.IOException {
      System.out.println(text.toString() + notes);
      Files.writeString(java.nio.file.Path.of("target", file), text.toString() + notes,
          StandardCharsets.UTF_8);
    }
  }
}
