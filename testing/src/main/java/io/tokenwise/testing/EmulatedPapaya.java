package io.tokenwise.testing;

import static io.tokenwise.testing.HttpCall.object;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * Papaya Global: a JSON body {@code {api_key, client_secret, token_name?, expiration?}} answered
 * with 201 {@code {valid_until, token, token_name}}, where {@code valid_until} has minute
 * precision ({@code 2024-07-11T07:48Z}) and the token is a JWT or, on request, opaque; errors
 * {@code {error}}. Its API is emulated by a sample {@code workers} resource.
 */
final class EmulatedPapaya extends EmulatedProvider {
  /** Papaya cuts {@code valid_until} down to the minute: up to 59 s before the real expiry. */
  static final DateTimeFormatter VALID_UNTIL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  volatile ProviderEmulator.PapayaToken tokenFormat = ProviderEmulator.PapayaToken.JWT;

  EmulatedPapaya(TokenStore tokens, ClientCredentials credentials, Duration lifetime,
      Recorder recorder) {
    super(Provider.PAPAYA_GLOBAL, tokens, credentials, lifetime, recorder);
  }

  // Papaya publishes no API host: the emulator picks a path of its own.
  @Override
  String basePath() {
    return "/v1/";
  }

  @Override
  void exchangeToken(HttpCall call) {
    if (!call.method.equals("POST")) {
      call.respond(405, tokenError(405, null, "Method not allowed"), "Allow", "POST");
      return;
    }
    Map<String, Object> json =
        call.mediaType().equals("application/json") ? call.jsonObject() : null;
    if (json == null) {
      call.respond(400, tokenError(400, null, "The body must be a JSON object"));
      return;
    }
    if (!(json.get("api_key") instanceof String apiKey)
        || !(json.get("client_secret") instanceof String secret)) {
      call.respond(400, tokenError(400, null, "api_key and client_secret are required"));
      return;
    }
    Object name = json.get("token_name");
    Object expiration = json.get("expiration");
    if ((name != null && !(name instanceof String))
        || (expiration != null
            && !(expiration instanceof Double d && d >= 1 && d == Math.rint(d)))) {
      call.respond(400, tokenError(400, null,
          "token_name must be a string and expiration a whole number of seconds"));
      return;
    }
    if (!accepts(apiKey, secret)) {
      call.respond(401, tokenError(401, null, "Invalid api_key or client_secret"));
      return;
    }
    Instant now = tokens.now();
    long seconds = expiration == null ? lifetimeSeconds() : ((Double) expiration).longValue();
    Instant expiresAt = now.plusSeconds(seconds);
    String tokenName = name == null ? "default" : (String) name;
    String value = tokenFormat == ProviderEmulator.PapayaToken.JWT
        ? tokens.jwt(tokenName, now, expiresAt)
        : tokens.opaqueToken();
    issue(value, apiKey, Set.of(), now, expiresAt);
    call.respond(201, object(
        "valid_until", VALID_UNTIL.format(expiresAt.truncatedTo(ChronoUnit.MINUTES)),
        "token", value,
        "token_name", tokenName));
  }

  @Override
  Object tokenError(int status, String code, String message) {
    return object("error", message);
  }

  @Override
  Object apiError(int status, String message) {
    return object("error", message);
  }

  @Override
  void refuseApiCall(HttpCall call, String message) {
    call.respond(401, object("error", "Unauthorized: " + message));
  }

  @Override
  void serve(HttpCall call, TokenStore.IssuedToken token) {
    String resource = call.path.startsWith(basePath())
        ? call.path.substring(basePath().length()) : call.path;
    String[] segments = resource.split("/");
    if (call.method.equals("GET") && segments.length == 2 && segments[0].equals("workers")) {
      call.respond(200, object(
          "id", HttpCall.decode(segments[1]),
          "full_name", "Grace Hopper",
          "country", "US"));
    } else {
      call.respond(404, object("error", "Not found: " + call.method + " " + call.path));
    }
  }
}
