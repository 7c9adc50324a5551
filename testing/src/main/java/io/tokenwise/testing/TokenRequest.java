package io.tokenwise.testing;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.internal.UrlRules;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token request as the emulator received it, whatever it answered: for assertions on the exact
 * bytes a client sent ({@link ProviderEmulator#takeTokenRequest}).
 *
 * <p>Its accessors return what the client sent, secrets included: in a test those are the
 * credentials the test itself passed in. {@link #toString()} shows none of them.
 *
 * @param provider the emulated provider that received it
 * @param method the HTTP method, {@code POST} for every well-behaved client
 * @param target the raw path and query, e.g. {@code /oauth2/token}
 * @param headers header values by lower-case name (a repeated header's joined by {@code ", "})
 * @param body the body as UTF-8 text, empty when none
 * @param receivedAt when the emulator received it, on the emulator's clock: for asserting how
 *     far apart a client's (or a fleet's) refreshes came
 */
public record TokenRequest(Provider provider, String method, String target,
    Map<String, String> headers, String body, Instant receivedAt) {
  /** Copies the headers. */
  public TokenRequest {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(target, "target == null");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
  }

  /** A header by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The media type of the body without parameters ({@code application/json}), or "". */
  public String mediaType() {
    return HttpCall.mediaType(header("Content-Type"));
  }

  /**
   * The decoded form body ({@code grant_type}, {@code client_id}, {@code scope}, ...) in the order
   * sent; empty when the body is not {@code application/x-www-form-urlencoded}.
   */
  public Map<String, String> form() {
    return mediaType().equals("application/x-www-form-urlencoded")
        ? HttpCall.decodePairs(body) : Map.of();
  }

  /**
   * The JSON object body (Papaya Global's {@code api_key}, {@code client_secret}, ...); empty when
   * the body is not a JSON object. Numbers are {@code Double}s.
   */
  public Map<String, Object> json() {
    Map<String, Object> json = HttpCall.jsonObject(body);
    return json == null ? Map.of() : json;
  }

  /**
   * The client id and secret of an {@code Authorization: Basic} header: Mangopay's raw {@code
   * ClientId:ApiKey}, RFC 6749's form-encoded pair for every other provider. Empty without one.
   */
  public Optional<ClientCredentials> basicCredentials() {
    String[] pair = HttpCall.basicPair(header("Authorization"));
    if (pair == null) {
      return Optional.empty();
    }
    String id = pair[0];
    String secret = pair[1];
    if (provider != Provider.MANGOPAY) {
      id = HttpCall.decode(id);
      secret = HttpCall.decode(secret);
    }
    return Optional.of(ClientCredentials.of(id, secret));
  }

  /**
   * Provider, method, path and header names only: bodies, headers and a query (a client may put
   * its secret there) carry secrets.
   */
  @Override
  public String toString() {
    return "TokenRequest{" + provider + " " + method + " " + UrlRules.redact(target) + ", headers="
        + new java.util.TreeSet<>(headers.keySet()) + ", body=" + body.length() + " chars}";
  }
}
