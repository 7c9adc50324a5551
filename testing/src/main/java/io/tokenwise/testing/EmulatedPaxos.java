package io.tokenwise.testing;

import static io.tokenwise.testing.HttpCall.object;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.internal.PaxosCatalog;
import io.tokenwise.internal.PaxosOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Paxos: a form body with {@code client_id}, {@code client_secret} and {@code scope}; OAuth2
 * errors {@code {error, error_description}} from the token endpoint, problem bodies {@code {type,
 * title, status, detail, meta}} from the API, and each API operation guarded by its scopes.
 */
final class EmulatedPaxos extends EmulatedProvider {
  private static final PaxosCatalog CATALOG = PaxosCatalog.get();

  /** Scopes this client may be granted; the whole catalog unless narrowed. */
  volatile Set<String> grantable = CATALOG.scopes();

  EmulatedPaxos(TokenStore tokens, ClientCredentials credentials, Duration lifetime,
      Recorder recorder) {
    super(Provider.PAXOS, tokens, credentials, lifetime, recorder);
  }

  @Override
  void exchangeToken(HttpCall call) {
    Map<String, String> form = oauthForm(call);
    if (form == null) {
      return;
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      reject(call, 400, "invalid_request", "The request is missing the grant_type parameter");
      return;
    }
    if (!grantType.equals("client_credentials")) {
      reject(call, 400, "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server");
      return;
    }
    // Paxos authenticates clients with client_secret_post: a Basic header alone is not enough.
    if (!accepts(form.get("client_id"), form.get("client_secret"))) {
      reject(call, 401, "invalid_client", "Client authentication failed");
      return;
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      reject(call, 400, "invalid_scope", "The request is missing the scope parameter");
      return;
    }
    Set<String> requested = new LinkedHashSet<>(List.of(scope.trim().split(" +")));
    for (String s : requested) {
      if (!CATALOG.scopes().contains(s) || !grantable.contains(s)) {
        reject(call, 400, "invalid_scope", "The requested scope is invalid, unknown, or"
            + " malformed: the client is not allowed to request scope '" + s + "'");
        return;
      }
    }
    Instant now = tokens.now();
    long seconds = lifetimeSeconds();
    String value = tokens.opaqueToken();
    Set<String> granted = granted(requested);
    issue(value, form.get("client_id"), granted, now, now.plusSeconds(seconds));
    call.respond(200, object(
        "access_token", value,
        "expires_in", seconds,
        "scope", String.join(" ", granted),
        "token_type", "bearer"));
  }

  private void reject(HttpCall call, int status, String error, String description)
      {
    call.respond(status, tokenError(status, error, description));
  }

  @Override
  Object tokenError(int status, String code, String message) {
    return object("error", code, "error_description", message);
  }

  @Override
  String failureCode(int status) {
    return status >= 500 ? "temporarily_unavailable" : super.failureCode(status);
  }

  @Override
  void serveApi(HttpCall call) {
    if (!call.path.startsWith(basePath())) {
      call.respond(404, problem(404, "Not Found", "No such path: " + call.path));
      return;
    }
    String relative = call.path.substring(basePath().length());
    Optional<PaxosOperation> found = operationAt(call.method, relative);
    if (found.isEmpty()) {
      call.respond(404, problem(404, "Not Found",
          "No Paxos v2 operation " + call.method + " /" + relative));
      return;
    }
    PaxosOperation operation = found.get();
    if (operation.isPublic()) {
      call.respond(200, sample(operation, call, relative));
      return;
    }
    TokenStore.IssuedToken token = liveToken(call);
    if (token == null) {
      return;
    }
    if (!operation.coveredBy(token.scopes())) {
      call.respond(403, problem(403, "Forbidden", "insufficient scope: " + operation
          + " needs " + operation.requirement()),
          "WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
              + String.join(" ", operation.alternatives().get(0)) + "\"");
      return;
    }
    call.respond(200, sample(operation, call, relative));
  }

  /**
   * The operation a concrete path calls: same method and segment count, every literal segment
   * equal; the one with the most literal segments wins ({@code transfers/x} over {@code {id}/x}).
   */
  static Optional<PaxosOperation> operationAt(String method, String relative) {
    String[] segments = relative.split("/", -1);
    PaxosOperation best = null;
    int bestLiterals = -1;
    for (PaxosOperation operation : CATALOG.operations()) {
      String[] template = operation.path().substring(1).split("/", -1);
      if (!operation.method().equals(method) || template.length != segments.length) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        if (template[i].startsWith("{")) {
          matches = !segments[i].isEmpty();
        } else {
          matches = template[i].equals(segments[i]);
          literals++;
        }
      }
      if (matches && literals > bestLiterals) {
        best = operation;
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  void serve(HttpCall call, TokenStore.IssuedToken token) {
    throw new AssertionError("Paxos routes in serveApi");
  }

  @Override
  void refuseApiCall(HttpCall call, String message) {
    call.respond(401, problem(401, "Unauthorized", message),
        "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  @Override
  Object apiError(int status, String message) {
    return problem(status, status == 429 ? "Too Many Requests" : "Error", message);
  }

  private static Map<String, Object> problem(int status, String title, String detail) {
    return object("type", "about:blank", "title", title, "status", status, "detail", detail,
        "meta", Map.of());
  }

  /** Sample data for the operations the examples use; {@code {}} for every other one. */
  private static Object sample(PaxosOperation operation, HttpCall call, String relative) {
    String[] segments = relative.split("/");
    return switch (operation.operationId()) {
      case "ListTransfers" -> {
        int limit = parseLimit(call.queryParameter("limit"), 3);
        List<Object> items = new ArrayList<>();
        for (int i = 1; i <= limit; i++) {
          items.add(transfer(id("transfer-" + i), i));
        }
        yield object("items", items);
      }
      case "GetTransfer" -> transfer(HttpCall.decode(segments[2]), 1);
      case "ListProfiles" -> object("items", List.of(profile(id("profile-1"))));
      case "GetProfile" -> profile(HttpCall.decode(segments[1]));
      case "ListProfileBalances" -> object("items", List.of(
          object("asset", "USD", "available", "1250.00", "trading", "0"),
          object("asset", "USDP", "available", "300.00", "trading", "0")));
      default -> Map.of();
    };
  }

  private static Map<String, Object> transfer(String id, int n) {
    return object(
        "id", id,
        "profile_id", id("profile-1"),
        "amount", n * 100 + ".00",
        "asset", "USD",
        "direction", "CREDIT",
        "type", "WIRE_DEPOSIT",
        "status", "COMPLETED",
        "created_at", "2024-07-11T07:4" + (n % 10) + ":00Z");
  }

  private static Map<String, Object> profile(String id) {
    return object("id", id, "nickname", "Treasury", "type", "NORMAL");
  }

  static String id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static int parseLimit(String limit, int fallback) {
    if (limit == null) {
      return fallback;
    }
    try {
      return Math.max(0, Math.min(100, Integer.parseInt(limit)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
