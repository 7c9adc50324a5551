package io.tokenwise.examples;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.testing.ProviderEmulator;
import io.tokenwise.testing.TokenRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Tokenwise in one command, with no credentials and no network: the four providers emulated on
 * loopback, one generated client each, tokens that live {@value #LIFETIME_SECONDS} s.
 *
 * <p>Each client makes six calls on its own timeline: call 3 passes the token's refresh point
 * (a background refresh starts; the call itself uses the current token), call 4 comes after the
 * first token has expired at the provider, and call 5 follows the revocation of every token (401,
 * a new token, one retry). It prints what each provider saw and exits 0 when every provider
 * behaved so.
 */
public final class Demo {
  static final int LIFETIME_SECONDS = 4;
  static final int CALLS = 6;
  /** When each call starts, in milliseconds after the client's first call. */
  private static final long[] CALL_AT = {0, 1_400, 2_800, 4_200, 4_600, 5_600};
  /** The first token has expired at the provider before this call (0-based). */
  private static final int REFRESHED_BEFORE = 3;
  /** Tokens are revoked just before this call (0-based). */
  private static final int REVOKE_BEFORE = 4;
  /** Keeps the runtime's INFO lines ("token refused with 401; fetching a new one") out of the table. */
  private static final Logger TOKENWISE_LOG = Logger.getLogger("io.tokenwise");

  /** Runs the demo; the exit code is 0 when every provider behaved as described. */
  public static void main(String[] args) throws Exception {
    TOKENWISE_LOG.setLevel(Level.WARNING);
    PrintStream out = System.out;
    long started = System.nanoTime();
    OkHttpClient http = new OkHttpClient();
    List<Row> rows = new ArrayList<>();
    try (ProviderEmulator emulator = ProviderEmulator.start()) {
      for (Provider provider : ProviderEmulator.PROVIDERS) {
        emulator.tokenLifetime(provider, Duration.ofSeconds(LIFETIME_SECONDS));
      }
      out.printf("Tokenwise demo: four providers emulated on 127.0.0.1, no network, no"
          + " credentials; tokens live %d s.%nEach client makes %d calls over %.1f s: call 3"
          + " passes the token's refresh point, call 4 comes%nafter the first token expired,"
          + " call 5 follows the revocation of every token.%n%n",
          LIFETIME_SECONDS, CALLS, CALL_AT[CALLS - 1] / 1000.0);

      // A cold JVM needs a few hundred ms for its first call; the timeline below is tighter.
      for (Lane lane : lanes(emulator, http)) {
        lane.calls.apply(0).execute();
      }
      emulator.revokeTokens().resetCounters();

      List<Lane> lanes = lanes(emulator, http);
      ExecutorService threads = Executors.newFixedThreadPool(lanes.size());
      try {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Lane lane : lanes) {
          outcomes.add(threads.submit(() -> lane.run(emulator)));
        }
        for (int i = 0; i < lanes.size(); i++) {
          rows.add(Row.of(lanes.get(i).provider, outcomes.get(i).get(), emulator));
        }
      } finally {
        threads.shutdown();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    printTable(out, rows);
    boolean allGood = rows.stream().allMatch(Row::ok);
    out.printf("%nExpected for each provider: %d calls answered with 3 token requests: the first,"
        + "%none refresh that landed before the first token expired, and one after the"
        + " revocation's%n401, whose call was retried once.%n", CALLS);
    rows.stream().filter(row -> !row.ok()).forEach(row -> out.println("UNEXPECTED " + row.problem()));
    out.printf("%s in %.1f s.%n", allGood ? "Every provider behaved as expected"
        : "Something did not behave as expected", (System.nanoTime() - started) / 1e9);
    if (!allGood) {
      System.exit(1);
    }
  }

  /** One generated client per provider, pointed at the emulator. */
  private static List<Lane> lanes(ProviderEmulator emulator, OkHttpClient http) {
    // One cache for all four, as in an application; each provider still has its own key.
    TokenCache cache = TokenCache.create();
    PaxosTransfers paxos = emulator.configure(PaxosTransfersClient.builder())
        .okHttpClient(http).tokenCache(cache).build();
    MangopayUsers mangopay = emulator.configure(MangopayUsersClient.builder())
        .okHttpClient(http).tokenCache(cache).build();
    PayswayPayments paysway = emulator.configure(PayswayPaymentsClient.builder())
        .okHttpClient(http).tokenCache(cache).build();
    PapayaWorkers papaya = emulator.configure(PapayaWorkersClient.builder())
        .okHttpClient(http).tokenCache(cache).build();
    String profile = "4eb4ee38-8e55-4e7c-a7e4-b4f6c2b1e0a1";
    return List.of(
        new Lane(Provider.PAXOS, i -> switch (i % 3) {
          case 0 -> paxos.transfers(2);
          case 1 -> paxos.profile(profile);
          default -> paxos.balances(profile);
        }),
        new Lane(Provider.MANGOPAY, i -> mangopay.user(Integer.toString(100_001 + i))),
        new Lane(Provider.PAYSWAY, i -> i % 2 == 0
            ? paysway.payments(3) : paysway.payment("pay_" + (1_000 + i))),
        new Lane(Provider.PAPAYA_GLOBAL, i -> papaya.worker("w-" + i)));
  }

  /** One provider's six calls on its own timeline. */
  private record Lane(Provider provider, IntFunction<Call<?>> calls) {
    Outcome run(ProviderEmulator emulator) throws InterruptedException {
      long start = System.nanoTime();
      int succeeded = 0;
      boolean refreshedAhead = false;
      for (int i = 0; i < CALLS; i++) {
        long wait = CALL_AT[i] - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
          Thread.sleep(wait);
        }
        if (i == REFRESHED_BEFORE) {
          // The first token has expired at the provider; its successor must already be here.
          refreshedAhead = emulator.issuedTokenCount(provider) == 2;
        }
        if (i == REVOKE_BEFORE) {
          emulator.revokeTokens(provider);
        }
        try {
          Response<?> response = calls.apply(i).execute();
          if (response.isSuccessful() && response.body() != null) {
            succeeded++;
          } else {
            System.err.printf("%s call %d: HTTP %d%n", provider, i + 1, response.code());
          }
        } catch (IOException e) {
          System.err.printf("%s call %d failed: %s%n", provider, i + 1, e);
        }
      }
      return new Outcome(succeeded, refreshedAhead);
    }
  }

  private record Outcome(int succeeded, boolean refreshedAhead) {}

  /** What one provider saw, and whether it is what the demo promises. */
  private record Row(Provider provider, String authStyle, int succeeded, boolean refreshedAhead,
      int tokenRequests, int apiRequests, int rejected, Duration lifetime) {
    static Row of(Provider provider, Outcome outcome, ProviderEmulator emulator) {
      List<TokenRequest> sent = emulator.tokenRequests(provider);
      return new Row(provider, sent.isEmpty() ? "none sent" : wire(sent.get(0)), outcome.succeeded(), outcome.refreshedAhead(),
          emulator.tokenRequestCount(provider),
          emulator.apiCallCount(provider), emulator.rejectedApiCallCount(provider),
          emulator.tokenLifetime(provider));
    }

    /** How the first token request authenticated, as the emulator received it. */
    private static String wire(TokenRequest request) {
      String style = request.basicCredentials().isPresent() ? "CLIENT_SECRET_BASIC"
          : request.json().containsKey("api_key") ? "JSON_API_KEY"
          : request.form().containsKey("client_secret") ? "CLIENT_SECRET_POST"
          : "NONE";
      return style + (request.form().containsKey("scope") ? " + scope" : "");
    }

    /** All calls answered; tokens: first, one refresh ahead, one after the revocation's 401. */
    boolean ok() {
      return succeeded == CALLS && refreshedAhead && tokenRequests == 3 && rejected == 1
          && apiRequests == CALLS + 1;
    }

    String result() {
      return ok() ? "OK" : "UNEXPECTED";
    }

    String problem() {
      return String.format(Locale.ROOT, "%s: %d/%d calls answered, %s, %d token requests,"
          + " %d API requests, %d refused with 401", provider, succeeded, CALLS,
          refreshedAhead ? "refreshed ahead" : "not refreshed ahead", tokenRequests, apiRequests,
          rejected);
    }
  }

  private static void printTable(PrintStream out, List<Row> rows) {
    String[] header = {"PROVIDER", "AUTH STYLE", "CALLS", "TOKEN REQUESTS", "TOKEN LIFETIME",
        "RESULT"};
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    for (Row row : rows) {
      cells.add(new String[] {
          row.provider().name(),
          row.authStyle(),
          Integer.toString(CALLS),
          Integer.toString(row.tokenRequests()),
          row.lifetime().toSeconds() + " s",
          row.result()});
    }
    int[] widths = new int[header.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < header.length; c++) {
        String cell = cells.get(r)[c];
        line.append(c == 0 ? "" : "  ").append(cell)
            .append(c == header.length - 1 ? "" : " ".repeat(widths[c] - cell.length()));
      }
      out.println(line);
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < header.length; c++) {
          rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
      }
    }
  }

  private Demo() {}
}
