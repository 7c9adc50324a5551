package io.tokenwise.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis on loopback, no Docker: the static {@code redis-server} binary that
 * org.signal:embedded-redis ships, else a {@code redis-server} on the PATH. It can be killed
 * (SIGKILL) and started again on the same port, as an outage would.
 */
final class RedisServer implements AutoCloseable {
  private final Path binary;
  final int port;
  private Process process;

  private RedisServer(Path binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  /** A Redis on a free loopback port, started. */
  static RedisServer start() throws IOException {
    RedisServer server = new RedisServer(binary(), freePort());
    server.restart();
    return server;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Which binary runs: for the report. */
  String binaryName() {
    return binary.getFileName().toString();
  }

  /** Starts the server (again), empty, and waits until it accepts connections. */
  synchronized void restart() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("redis-server exited with " + process.exitValue());
        }
        sleep(20);
      }
    }
    throw new IOException("redis-server did not listen on " + port + " within 10 s");
  }

  /** SIGKILL: no shutdown, no goodbye to the clients. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private static Path binary() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac")
        ? "darwin" : "linux";
    String arch = switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> "386";
    };
    String name = "redis-server-7.0.15-" + os + "-" + arch;
    try (InputStream in = RedisServer.class.getResourceAsStream("/" + name)) {
      if (in != null) {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setExecutable(true);
        if (runs(target)) {
          return target;
        }
      }
    }
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      Path installed = Path.of(dir, "redis-server");
      if (Files.isExecutable(installed) && runs(installed)) {
        return installed;
      }
    }
    throw new IOException("no redis-server runs here: neither embedded-redis's " + name
        + " nor one on the PATH (apt-get install redis-server)");
  }

  private static boolean runs(Path binary) {
    try {
      Process version = new ProcessBuilder(binary.toString(), "--version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
