package io.tokenwise.testing;

import static io.tokenwise.testing.HttpCall.object;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any OAuth2 client-credentials server (RFC 6749 section 4.4): the client authenticates with
 * {@code client_secret_basic} (a Basic header over the form-encoded {@code id:secret}) or {@code
 * client_secret_post} (both in the form body), never both; {@code scope} is optional and echoed;
 * errors are {@code {error, error_description}}. Every path but the token endpoint is a protected
 * resource answering {@code {}} to a live token.
 */
final class EmulatedCustom extends EmulatedProvider {
  EmulatedCustom(TokenStore tokens, ClientCredentials credentials, Duration lifetime,
      Recorder recorder) {
    super(Provider.CUSTOM, tokens, credentials, lifetime, recorder);
  }

  @Override
  String tokenPath() {
    return "/oauth2/token";
  }

  @Override
  String basePath() {
    return "/";
  }

  @Override
  void exchangeToken(HttpCall call) {
    Map<String, String> form = oauthForm(call);
    if (form == null) {
      return;
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      call.respond(400, tokenError(400, form.containsKey("grant_type")
          ? "unsupported_grant_type" : "invalid_request",
          "grant_type=client_credentials is required"));
      return;
    }
    String[] basic = rfc6749Basic(call.header("Authorization"));
    boolean inBody = form.containsKey("client_id") || form.containsKey("client_secret");
    if (basic != null && inBody) {
      // RFC 6749 2.3: a client must not use more than one authentication method per request.
      call.respond(400, tokenError(400, "invalid_request",
          "The client used more than one authentication method"));
      return;
    }
    String clientId = basic != null ? basic[0] : form.get("client_id");
    String secret = basic != null ? basic[1] : form.get("client_secret");
    if (!accepts(clientId, secret)) {
      // RFC 6749 5.2: a client that tried Basic is told how to authenticate.
      String[] challenge = basic != null
          ? new String[] {"WWW-Authenticate", "Basic realm=\"tokenwise-emulator\""}
          : new String[0];
      call.respond(401, tokenError(401, "invalid_client", "Client authentication failed"),
          challenge);
      return;
    }
    String scope = form.get("scope");
    Set<String> requested = scope == null || scope.isBlank()
        ? Set.of() : new LinkedHashSet<>(List.of(scope.trim().split(" +")));
    Set<String> granted = granted(requested);
    Instant now = tokens.now();
    long seconds = lifetimeSeconds();
    String value = tokens.opaqueToken();
    issue(value, clientId, granted, now, now.plusSeconds(seconds));
    call.respond(200, object(
        "access_token", value,
        "token_type", "Bearer",
        "expires_in", seconds,
        "scope", requested.isEmpty() ? null : String.join(" ", granted)));
  }

  /** RFC 6749 2.3.1: the Basic pair is each of id and secret form-encoded. */
  private static String[] rfc6749Basic(String authorization) {
    String[] raw = HttpCall.basicPair(authorization);
    return raw == null ? null : new String[] {HttpCall.decode(raw[0]), HttpCall.decode(raw[1])};
  }

  @Override
  Object tokenError(int status, String code, String message) {
    return object("error", code, "error_description", message);
  }

  @Override
  Object apiError(int status, String message) {
    return object("error", failureCode(status), "error_description", message);
  }

  @Override
  void refuseApiCall(HttpCall call, String message) {
    call.respond(401, object("error", "invalid_token", "error_description", message),
        "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  @Override
  void serve(HttpCall call, TokenStore.IssuedToken token) {
    call.respond(200, Map.of());
  }
}
