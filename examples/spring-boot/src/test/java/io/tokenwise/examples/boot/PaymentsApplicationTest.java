package io.tokenwise.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application as its user sees it over HTTP: its own endpoint calls Paxos and
 * Mangopay (the emulator profile), and Actuator shows the token fetches and their health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentsApplicationTest {
  @LocalServerPort
  int port;

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void theSummaryCallsBothProvidersAndActuatorShowsTheTokens() throws Exception {
    assertThat(get("/summary/100001")).matches("\\{\"transfers\":5,\"user\":\".+@.+\"}");
    assertThat(get("/actuator/metrics/tokenwise.token.fetch"))
        .contains("\"name\":\"tokenwise.token.fetch\"")
        .contains("{\"statistic\":\"COUNT\",\"value\":2.0}");
    assertThat(get("/actuator/health/tokenwise/paxos"))
        .contains("\"status\":\"UP\"", "\"lastFetch\":\"success\"", "\"expiresIn\":\"PT59M");
    assertThat(get("/actuator/health/tokenwise/mangopay")).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health")).doesNotContain("paxos-emulator-secret",
        "mangopay-emulator-api-key");
  }
}
