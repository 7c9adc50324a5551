package io.tokenwise.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The fleet of {@link FleetTest} (plain key: the emulator's CUSTOM provider, 20 s tokens) through
 * three faults, in this order: Redis flushed mid-cycle; the process holding the lease of the next
 * refresh killed with SIGKILL while its token request is at the emulator (its {@code
 * onTokenRequest} listener, before the answer); Redis itself killed with SIGKILL two seconds later
 * and started again (empty) three seconds after the first token request of the next refresh
 * round, so that exactly one round falls in the outage.
 *
 * <p>Asserted: no API call failed in the surviving processes; token requests stay within the
 * bound {@code refreshes + 1 + (processes - 1)}: one per refresh, one more for the killed holder
 * (its request reached the server, its token died with it), and one per process for the refresh
 * during the outage, when each process fetches its own; and once Redis is back the fleet shares
 * again: one request per refresh.
 */
final class FleetFaultsTest {
  static final Duration DURATION = Duration.parse(
      System.getProperty("tokenwise.fleet.faultsDuration", "PT55S"));

  @Test
  void flushKilledLeaseHolderAndRedisOutageFailNoCall() throws Exception {
    int processes = FleetTest.PROCESSES;
    try (RedisServer redis = RedisServer.start();
        ProviderEmulator plain = FleetTest.emulator(false);
        Fleet fleet = Fleet.launch(processes, redis.uri(), Map.of("plain", plain), DURATION,
            FleetTest.THREADS, FleetTest.PAUSE_MILLIS, FleetTest.randomKey())) {
      AtomicBoolean killArmed = new AtomicBoolean();
      AtomicLong killedPid = new AtomicLong();
      RedisClient admin = RedisClient.create(redis.uri());
      // While the armed refresh's token request is at the emulator, its sender holds the lease.
      plain.onTokenRequest(request -> {
        if (killArmed.compareAndSet(true, false)) {
          leaseHolder(admin).ifPresent(pid -> {
            killedPid.set(pid);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
          });
        }
      });
      // Connected before the start: a cold Lettuce takes seconds to load.
      StatefulRedisConnection<String, String> connection = admin.connect();
      try {
        fleet.start(Duration.ofSeconds(90));
        long goAt = System.currentTimeMillis();
        int startup = plain.tokenRequestCount(Provider.CUSTOM);

        sleepUntil(goAt + 1_000);
        connection.sync().flushall();
        long flushedAt = System.currentTimeMillis();
        killArmed.set(true);
        // The killed holder's request, then the one of the process that took its lease over.
        await(() -> plain.tokenRequestCount(Provider.CUSTOM) >= startup + 2,
            FleetTest.LIFETIME.plusSeconds(10), "the refresh after the killed lease holder");
        assertTrue(killedPid.get() != 0, "no lease holder was found to kill");
        sleepUntil(System.currentTimeMillis() + 2_000);
        redis.kill();
        long redisKilledAt = System.currentTimeMillis();
        int beforeOutage = plain.tokenRequestCount(Provider.CUSTOM);
        // One refresh round without Redis: its first request, then time for the others' own.
        await(() -> plain.tokenRequestCount(Provider.CUSTOM) > beforeOutage,
            FleetTest.LIFETIME.plusSeconds(10), "a refresh while Redis is down");
        sleepUntil(System.currentTimeMillis() + 3_000);
        redis.restart();
        long restartedAt = System.currentTimeMillis();

        List<Map<String, Long>> results = fleet.results(DURATION.plusSeconds(60));
        List<Long> requests = FleetTest.requestTimes(plain);
        long calls = FleetTest.sum(results, "plain.calls");
        long failed = FleetTest.sum(results, "plain.failed");
        long waited = FleetTest.sum(results, "plain.waited");
        long refreshes = 1 + (requests.get(requests.size() - 1) - goAt)
            / FleetTest.refreshMillis();
        long duringOutage = requests.stream()
            .filter(at -> at >= redisKilledAt && at < restartedAt).count();
        List<Long> afterRecovery = requests.stream()
            .filter(at -> at >= restartedAt + 1_000).toList();

        FleetTest.FleetReport report = new FleetTest.FleetReport("Fleet faults",
            redis.binaryName(), DURATION);
        report.row("plain", processes, FleetTest.THREADS, calls, failed, waited, requests, plain);
        report.note("Flushed " + (flushedAt - goAt) + " ms after the start; lease holder (pid "
            + killedPid.get() + ") killed at the first refresh; Redis killed "
            + (redisKilledAt - goAt) + " ms after the start and restarted "
            + (restartedAt - goAt) + " ms after it. Token requests: " + startup
            + " at start-up, " + (requests.size() - startup) + " during the run, "
            + duringOutage + " while Redis was down, " + afterRecovery.size()
            + " after it was back; bound refreshes + 1 + (processes - 1) = " + refreshes
            + " + 1 + " + (processes - 1) + ". Surviving processes: " + results.size() + ".");
        report.write();

        assertEquals(processes - 1, results.size(), "every process but the killed one reports");
        assertEquals(0, failed, "failed calls");
        assertTrue(requests.size() - startup <= refreshes + 1 + (processes - 1),
            "token requests " + FleetTest.gaps(requests));
        assertTrue(duringOutage <= processes - 1, "requests while Redis was down: " + duringOutage);
        assertTrue(!afterRecovery.isEmpty(), "no refresh after Redis came back: run longer");
        for (int i = 1; i < afterRecovery.size(); i++) {
          assertTrue(afterRecovery.get(i) - afterRecovery.get(i - 1)
              > FleetTest.LIFETIME.toMillis() / 2, "not shared again after Redis came back: "
              + FleetTest.gaps(afterRecovery));
        }
      } finally {
        connection.close();
        admin.shutdown();
      }
    }
  }

  /** The pid in the lease owner id ({@code pid-nonce}) of the one lease held, if any. */
  private static Optional<Long> leaseHolder(RedisClient admin) {
    try (StatefulRedisConnection<String, String> connection = admin.connect()) {
      for (String key : connection.sync().keys("tokenwise:*:lease")) {
        String owner = connection.sync().get(key);
        if (owner != null) {
          return Optional.of(Long.parseLong(owner.substring(0, owner.indexOf('-'))));
        }
      }
      return Optional.empty();
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long left = epochMillis - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }
}
