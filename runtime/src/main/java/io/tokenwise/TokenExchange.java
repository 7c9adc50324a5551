package io.tokenwise;

import com.squareup.moshi.JsonWriter;
import io.tokenwise.internal.ProviderCatalog;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * One provider's token request, byte for byte as its docs describe it: the request builder of an
 * auth style bound to a token URL, credentials and scopes. {@link TokenResponseReader} reads the
 * answer.
 */
final class TokenExchange {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final MediaType JSON = MediaType.get("application/json");

  final Provider provider;
  final AuthStyle style;
  final HttpUrl tokenUrl;
  final ClientCredentials credentials;
  final List<String> scopes;
  final String tokenName;
  final Duration expiration;
  /** Basic over the raw {@code id:secret} (Mangopay's {@code ClientId:ApiKey}), not RFC 6749's. */
  private final boolean rawBasicPair;

  TokenExchange(
      Provider provider,
      AuthStyle style,
      HttpUrl tokenUrl,
      ClientCredentials credentials,
      List<String> scopes,
      String tokenName,
      Duration expiration) {
    if (style == AuthStyle.DEFAULT) {
      throw new IllegalArgumentException("resolve AuthStyle.DEFAULT before building an exchange");
    }
    this.rawBasicPair = style == AuthStyle.CLIENT_SECRET_BASIC
        && ProviderCatalog.spec(provider).wire().rawBasicPair();
    if (rawBasicPair && credentials.clientId().indexOf(':') >= 0) {
      throw new IllegalArgumentException("The " + ProviderCatalog.spec(provider).displayName()
          + " client id contains ':', which its raw Basic 'id:secret' pair cannot carry:"
          + " check the client id you configured");
    }
    if ((tokenName != null || expiration != null) && style != AuthStyle.JSON_API_KEY) {
      throw new IllegalStateException("tokenName and tokenExpiration apply only to the"
          + " JSON_API_KEY style (Papaya Global); remove them for " + provider);
    }
    this.provider = provider;
    this.style = style;
    this.tokenUrl = tokenUrl;
    this.credentials = credentials;
    this.scopes = List.copyOf(scopes);
    this.tokenName = tokenName;
    this.expiration = expiration;
  }

  /** A new token request; its body carries the secret, so it never goes through a logging client. */
  Request newRequest() {
    Request.Builder request = new Request.Builder()
        .url(tokenUrl)
        .header("Accept", "application/json");
    switch (style) {
      case CLIENT_SECRET_POST -> request.post(form(
          "grant_type", "client_credentials",
          "client_id", credentials.clientId(),
          "client_secret", credentials.secret()));
      case CLIENT_SECRET_BASIC -> request
          .header("Authorization", basicAuthorization())
          .post(form("grant_type", "client_credentials"));
      case JSON_API_KEY -> request.post(jsonApiKeyBody());
      default -> throw new AssertionError(style);
    }
    return request.build();
  }

  private String basicAuthorization() {
    String pair = rawBasicPair
        ? credentials.clientId() + ':' + credentials.secret()
        : formEncode(credentials.clientId()) + ':' + formEncode(credentials.secret());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** The given pairs, then {@code scope} when scopes are declared; WHATWG form encoding. */
  private RequestBody form(String... pairs) {
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      body.add(pairs[i] + '=' + formEncode(pairs[i + 1]));
    }
    if (!scopes.isEmpty()) {
      body.add("scope=" + formEncode(String.join(" ", scopes)));
    }
    return RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), FORM);
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private RequestBody jsonApiKeyBody() {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("api_key").value(credentials.clientId());
      json.name("client_secret").value(credentials.secret());
      if (tokenName != null) {
        json.name("token_name").value(tokenName);
      }
      if (expiration != null) {
        json.name("expiration").value(expiration.toSeconds());
      }
      json.endObject();
    } catch (IOException e) {
      throw new AssertionError("writing to a Buffer does not fail", e);
    }
    return RequestBody.create(buffer.readByteArray(), JSON);
  }

  /** Identifies the token this exchange obtains through {@code transport}: same key, same token. */
  TokenKey key(FetchTransport transport) {
    return new TokenKey(tokenUrl.toString(), style, CredentialsDigest.of(credentials), scopes,
        tokenName, expiration, transport);
  }

  /** The key of this exchange's token fetched by no HTTP client of its own (tests). */
  TokenKey key() {
    return key(FetchTransport.NONE);
  }
}
