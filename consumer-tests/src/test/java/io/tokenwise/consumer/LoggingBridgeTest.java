package io.tokenwise.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEndpoint;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * The README's SLF4J set-up: with org.slf4j:slf4j-jdk-platform-logging on the class path,
 * Tokenwise's System.Logger events reach SLF4J (here slf4j-simple, writing target/slf4j.log at
 * DEBUG, configured by surefire's system properties), DEBUG included, and still carry no secret.
 */
final class LoggingBridgeTest {
  private static final String SECRET = "s3cret-f0r-the-bridge";
  private static final String TOKEN = "tok-bridge-Zq81";

  @TokenEndpoint(provider = Provider.CUSTOM, authStyle = AuthStyle.CLIENT_SECRET_POST,
      tokenUrl = "http://127.0.0.1:1/unused", baseUrl = "http://127.0.0.1:1/unused/")
  interface Ledger {
    @GET("entries")
    Call<ResponseBody> entries();
  }

  /** What the processor generates, written by hand: this module runs no processor. */
  static final class LedgerBuilder extends ClientBuilder<Ledger, LedgerBuilder> {
    LedgerBuilder() {
      super(Ledger.class);
    }

    @Override
    protected LedgerBuilder self() {
      return this;
    }
  }

  @Test
  void debugEventsReachSlf4jWithoutTheSecretOrTheToken() throws Exception {
    assertTrue(System.getLogger("io.tokenwise.TokenCache").getClass().getName()
        .startsWith("org.slf4j"), "System.Logger is not bridged to SLF4J");
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(new MockResponse.Builder()
          .addHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")
          .build());
      server.enqueue(new MockResponse.Builder().body("[]").build());

      Ledger ledger = new LedgerBuilder()
          .credentials(ClientCredentials.of("client-bridge", SECRET))
          .tokenUrl(server.url("/token").toString())
          .baseUrl(server.url("/api/").toString())
          .tokenCache(TokenCache.create())
          .build();
      assertEquals("[]", ledger.entries().execute().body().string());
    }

    // The refresh thread logs "fetched" just after it hands the token over, so the line may land a
    // moment after the call returns: wait for it (bounded), then judge the whole log.
    List<String> lines = List.of();
    List<String> fetched = List.of();
    for (long deadline = System.nanoTime() + 10_000_000_000L;
        fetched.isEmpty() && System.nanoTime() < deadline; Thread.sleep(10)) {
      lines = Files.readAllLines(Path.of("target/slf4j.log"), StandardCharsets.UTF_8);
      fetched = lines.stream()
          .filter(line -> line.contains("DEBUG io.tokenwise.TokenCache - CUSTOM [key sha256:")
              && line.contains("] fetched token sha256:"))
          .collect(Collectors.toList());
    }
    assertEquals(1, fetched.size(), String.join("\n", lines));
    String all = String.join("\n", lines);
    assertFalse(all.contains(SECRET), all);
    assertFalse(all.contains(TOKEN), all);
  }
}
