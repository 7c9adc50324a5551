package io.tokenwise.testing;

import static io.tokenwise.testing.HttpCall.object;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mangopay: {@code Authorization: Basic base64(ClientId:ApiKey)} with a form body carrying only
 * {@code grant_type}; errors {@code {Message, Type, Id, Date, errors}}; the client id in every
 * API path; and a strong-customer-authentication 401 on demand.
 */
final class EmulatedMangopay extends EmulatedProvider {
  private static final String VERSION_PATH = "/v2.01/";

  /** API calls still to be answered with an SCA challenge. */
  final AtomicInteger scaChallenges = new AtomicInteger();
  /** Where the SCA challenge sends the user: a loopback page of this emulator. */
  volatile String scaRedirectBase = "http://127.0.0.1/sca/";

  EmulatedMangopay(TokenStore tokens, ClientCredentials credentials, Duration lifetime,
      Recorder recorder) {
    super(Provider.MANGOPAY, tokens, credentials, lifetime, recorder);
  }

  @Override
  void exchangeToken(HttpCall call) {
    if (!call.method.equals("POST")) {
      call.respond(405, error("The requested resource does not support http method '"
          + call.method + "'.", "method_not_allowed"), "Allow", "POST");
      return;
    }
    String[] basic = HttpCall.basicPair(call.header("Authorization"));
    if (basic == null || !accepts(basic[0], basic[1])) {
      call.respond(401, tokenError(401, "invalid_client",
          "Authentication failed: send Authorization: Basic base64(ClientId:ApiKey)"));
      return;
    }
    Map<String, String> form = call.form();
    if (form == null || !"client_credentials".equals(form.get("grant_type"))) {
      call.respond(400, tokenError(400, "param_error",
          "grant_type=client_credentials is required in a form body"));
      return;
    }
    Instant now = tokens.now();
    long seconds = lifetimeSeconds();
    String value = tokens.opaqueToken();
    issue(value, basic[0], Set.of(), now, now.plusSeconds(seconds));
    call.respond(200, object(
        "access_token", value,
        "token_type", "Bearer",
        "expires_in", seconds));
  }

  @Override
  Object tokenError(int status, String code, String message) {
    return error(message, code);
  }

  @Override
  String failureCode(int status) {
    return status == 429 ? "rate_limit" : super.failureCode(status);
  }

  @Override
  Object apiError(int status, String message) {
    return error(message, failureCode(status));
  }

  private Map<String, Object> error(String message, String type) {
    return object(
        "Message", message,
        "Type", type,
        "Id", tokens.opaqueToken().substring(0, 12),
        "Date", tokens.now().getEpochSecond(),
        "errors", Map.of());
  }

  @Override
  void refuseApiCall(HttpCall call, String message) {
    call.respond(401, error("Authorization has been denied for this request: " + message,
        "unauthorized"));
  }

  @Override
  void serve(HttpCall call, TokenStore.IssuedToken token) {
    String rest = call.path.startsWith(VERSION_PATH)
        ? call.path.substring(VERSION_PATH.length()) : "";
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      call.respond(404, error("The resource does not exist: the path must start with "
          + "/v2.01/{ClientId}/", "ressource_not_found"));
      return;
    }
    String clientId = HttpCall.decode(rest.substring(0, slash));
    String resource = rest.substring(slash + 1);
    if (scaChallenges.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      call.respond(401, error("Strong customer authentication is required: the user must"
              + " complete the pending action", "pending_user_action"),
          "WWW-Authenticate", "PendingUserAction RedirectUrl=" + scaRedirectBase
              + tokens.opaqueToken().substring(0, 16));
      return;
    }
    if (!clientId.equals(token.clientId())) {
      call.respond(403, error("The client id in the path does not match the access token",
          "forbidden_ressource"));
      return;
    }
    String[] segments = resource.split("/");
    if (call.method.equals("GET") && segments.length == 2 && segments[0].equals("users")) {
      call.respond(200, user(HttpCall.decode(segments[1])));
    } else if (call.method.equals("GET") && resource.equals("users")) {
      call.respond(200, List.of(user("100001"), user("100002")));
    } else {
      call.respond(404, error("The ressource does not exist: " + call.method + " " + resource,
          "ressource_not_found"));
    }
  }

  private static Map<String, Object> user(String id) {
    return object(
        "Id", id,
        "PersonType", "NATURAL",
        "FirstName", "Ada",
        "LastName", "Lovelace",
        "Email", "ada@example.com",
        "CreationDate", 1720683000L);
  }
}
