package io.tokenwise.redis;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Separate JVMs running {@link FleetMember} on the test class path: launched together, started
 * together ({@code GO}) once every one holds its first token, their results collected. A member
 * killed on purpose has no result.
 */
final class Fleet implements AutoCloseable {
  static final Path LOGS = Path.of("target", "fleet-logs");
  /** The fleet's credentials, which its emulators accept instead of their defaults. */
  static final String CLIENT_ID = "fleet-client-7f3a9c";
  static final String SECRET = "fleet-secret-5d81e2b4";

  /** One process of the fleet. */
  static final class Member {
    final Process process;
    final Path log;
    final CompletableFuture<Long> ready = new CompletableFuture<>();
    final CompletableFuture<Map<String, Long>> result = new CompletableFuture<>();

    Member(Process process, Path log) {
      this.process = process;
      this.log = log;
    }
  }

  final List<Member> members = new ArrayList<>();

  /**
   * Store settings of the test fleet. Looser than the defaults (200 ms, 2 s): the test's 2 cores
   * run nine JVMs and other builds, and a process that is not scheduled for a while must not look
   * like a slow Redis or a dead lease holder, or the exact counts would measure the machine.
   */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  static final Duration LEASE_TIME = Duration.ofSeconds(3);

  /**
   * Launches the members, each calling one key per entry of {@code emulators} (mode name to the
   * emulator whose CUSTOM provider serves it).
   */
  static Fleet launch(int processes, String redisUri, Map<String, ProviderEmulator> emulators,
      Duration duration, int threads, long pauseMillis, byte[] key) throws IOException {
    String modes = String.join(",", emulators.keySet());
    List<String> endpoints = new ArrayList<>();
    emulators.values().forEach(emulator -> endpoints.add(
        emulator.tokenUrl(Provider.CUSTOM) + " " + emulator.baseUrl(Provider.CUSTOM)));
    Files.createDirectories(LOGS);
    try (var old = Files.list(LOGS)) {
      for (Path file : (Iterable<Path>) old::iterator) {
        Files.delete(file);
      }
    }
    Fleet fleet = new Fleet();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // -Dtokenwise.fleet.debug=true: every lifecycle and fleet message in the members' logs.
    Path logging = LOGS.resolve("logging.properties");
    Files.writeString(logging, Boolean.getBoolean("tokenwise.fleet.debug")
        ? "handlers=java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=ALL\n"
            + "io.tokenwise.level=ALL\njava.util.logging.SimpleFormatter.format="
            + "%1$tT.%1$tL %4$s %5$s%n\n"
        : "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n");
    for (int i = 0; i < processes; i++) {
      Path log = LOGS.resolve("member-" + i + ".log");
      Process process = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC",
          "-Djava.util.logging.config.file=" + logging.toAbsolutePath(),
          "-XX:TieredStopAtLevel=1", "-Xss512k",
          "-cp", System.getProperty("java.class.path"), FleetMember.class.getName(),
          redisUri, String.join(",", endpoints), modes, String.valueOf(duration.toMillis()), String.valueOf(threads),
          String.valueOf(pauseMillis), Base64.getEncoder().encodeToString(key),
          String.valueOf(COMMAND_TIMEOUT.toMillis()), String.valueOf(LEASE_TIME.toMillis()))
          .redirectError(log.toFile())
          .start();
      Member member = new Member(process, log);
      fleet.members.add(member);
      Thread reader = new Thread(() -> read(member), "fleet-member-reader-" + i);
      reader.setDaemon(true);
      reader.start();
    }
    return fleet;
  }

  private static void read(Member member) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        member.process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("READY ")) {
          member.ready.complete(Long.parseLong(line.substring(6).trim()));
        } else if (line.startsWith("RESULT ")) {
          Map<String, Long> values = new HashMap<>();
          for (String pair : line.substring(7).trim().split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
          }
          member.result.complete(values);
        }
      }
    } catch (IOException | RuntimeException e) {
      member.ready.completeExceptionally(e);
    }
    member.ready.completeExceptionally(new IllegalStateException("member exited before READY"));
    member.result.completeExceptionally(new IllegalStateException("member exited without a"
        + " result"));
  }

  /** Waits until every member holds its first token, then lets them all call. */
  void start(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Member member : members) {
      try {
        member.ready.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("a fleet member was not ready within " + timeout + "; see "
            + member.log, e);
      }
    }
    for (Member member : members) {
      OutputStream in = member.process.getOutputStream();
      in.write("GO\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }
  }

  /** The results of the members still alive, once each has ended. */
  List<Map<String, Long>> results(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Map<String, Long>> results = new ArrayList<>();
    for (Member member : members) {
      if (!member.process.waitFor(Math.max(1, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS)) {
        throw new AssertionError("a fleet member did not end in time; see " + member.log);
      }
      if (member.result.isDone() && !member.result.isCompletedExceptionally()) {
        results.add(member.result.get());
      }
    }
    return results;
  }

  /** Every member's standard error, for scanning. */
  String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Member member : members) {
      all.append(Files.readString(member.log, StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  @Override
  public void close() {
    for (Member member : members) {
      member.process.destroyForcibly();
    }
  }
}
