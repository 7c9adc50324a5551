package io.tokenwise.testing;

import static io.tokenwise.testing.HttpCall.object;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paysway: a form body with {@code client_id} and {@code client_secret}; errors {@code {code,
 * message}} with {@code code} optional ({@code AUTH_INVALID_CLIENT_CREDENTIALS}, {@code
 * AUTH_TOO_MANY_REQUESTS}). Its API is emulated by a sample {@code payments} resource.
 */
final class EmulatedPaysway extends EmulatedProvider {
  EmulatedPaysway(TokenStore tokens, ClientCredentials credentials, Duration lifetime,
      Recorder recorder) {
    super(Provider.PAYSWAY, tokens, credentials, lifetime, recorder);
  }

  @Override
  void exchangeToken(HttpCall call) {
    if (!call.method.equals("POST")) {
      call.respond(405, tokenError(405, null, "Method not allowed"), "Allow", "POST");
      return;
    }
    Map<String, String> form = call.form();
    if (form == null || !"client_credentials".equals(form.get("grant_type"))) {
      call.respond(400, tokenError(400, null,
          "grant_type=client_credentials is required in an x-www-form-urlencoded body"));
      return;
    }
    if (!accepts(form.get("client_id"), form.get("client_secret"))) {
      call.respond(401, tokenError(401, "AUTH_INVALID_CLIENT_CREDENTIALS",
          "Invalid client credentials"));
      return;
    }
    Instant now = tokens.now();
    long seconds = lifetimeSeconds();
    String value = tokens.opaqueToken();
    issue(value, form.get("client_id"), Set.of(), now, now.plusSeconds(seconds));
    call.respond(200, object(
        "access_token", value,
        "token_type", "Bearer",
        "expires_in", seconds));
  }

  @Override
  Object tokenError(int status, String code, String message) {
    return object("code", code, "message", message);
  }

  @Override
  String failureCode(int status) {
    return status == 429 ? "AUTH_TOO_MANY_REQUESTS" : null;
  }

  @Override
  Object apiError(int status, String message) {
    return object("code", failureCode(status), "message", message);
  }

  @Override
  void refuseApiCall(HttpCall call, String message) {
    call.respond(401, object("message", "Unauthorized: " + message));
  }

  @Override
  void serve(HttpCall call, TokenStore.IssuedToken token) {
    String resource = call.path.substring(1);
    String[] segments = resource.split("/");
    if (call.method.equals("GET") && resource.equals("payments")) {
      int limit = EmulatedPaxos.parseLimit(call.queryParameter("limit"), 2);
      List<Object> payments = new ArrayList<>();
      for (int i = 1; i <= limit; i++) {
        payments.add(payment("pay_" + (1000 + i)));
      }
      call.respond(200, object("data", payments));
    } else if (call.method.equals("GET") && segments.length == 2
        && segments[0].equals("payments")) {
      call.respond(200, payment(HttpCall.decode(segments[1])));
    } else {
      call.respond(404, object("message", "Not found: " + call.method + " /" + resource));
    }
  }

  private static Map<String, Object> payment(String id) {
    return object("id", id, "amount", "49.90", "currency", "EUR", "status", "SETTLED");
  }
}
