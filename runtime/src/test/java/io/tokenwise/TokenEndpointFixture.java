package io.tokenwise;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;

/** Credentials, a fixed clock and helpers shared by the token exchange tests. */
final class TokenEndpointFixture {
  /** What the fixed clock says: every token request is "sent" at this instant. */
  static final Instant NOW = Instant.parse("2024-07-11T07:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** A cache on that clock, for fetchers made outside a client. */
  static final TokenCache CACHE = TokenCache.builder().clock(CLOCK).build();

  static final String CLIENT_ID = "acme-client-Zx9";
  /** Every character a careless encoder gets wrong: {@code s3cr+t&x=1%/ "q\:é漢}. */
  static final String SECRET = "s3cr+t&x=1%/ \"q\\:\u00e9\u6f22";
  /** RFC 6749's sample token: short and opaque, so no "looks like a token" heuristic catches it. */
  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";
  static final List<String> PAXOS_SCOPES = List.of("transfer:read_transfer", "funding:read_profile");

  /** One base client for all tests, as an application shares one. */
  static final OkHttpClient BASE_CLIENT = new OkHttpClient();

  static MockWebServer startLoopbackServer() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  static ClientCredentials credentials() {
    return ClientCredentials.of(CLIENT_ID, SECRET);
  }

  /** The exchange each provider uses by default, against {@code tokenUrl}. */
  static TokenExchange providerExchange(Provider provider, HttpUrl tokenUrl) {
    return switch (provider) {
      case PAXOS -> new TokenExchange(provider, AuthStyle.CLIENT_SECRET_POST, tokenUrl,
          credentials(), PAXOS_SCOPES, null, null);
      case MANGOPAY -> new TokenExchange(provider, AuthStyle.CLIENT_SECRET_BASIC, tokenUrl,
          credentials(), List.of(), null, null);
      case PAYSWAY -> new TokenExchange(provider, AuthStyle.CLIENT_SECRET_POST, tokenUrl,
          credentials(), List.of(), null, null);
      case PAPAYA_GLOBAL -> new TokenExchange(provider, AuthStyle.JSON_API_KEY, tokenUrl,
          credentials(), List.of(), "ci-runner", Duration.ofHours(1));
      case CUSTOM -> new TokenExchange(provider, AuthStyle.CLIENT_SECRET_BASIC, tokenUrl,
          credentials(), List.of("read", "write"), null, null);
    };
  }

  static HttpTokenFetcher fetcher(TokenExchange exchange) {
    return new HttpTokenFetcher(BASE_CLIENT, exchange, CACHE);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** An unsigned JWT with these claims (the reader only decodes, never verifies). */
  static String jwt(String claimsJson) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + '.' + base64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8))
        + '.' + "c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body, keeping the order of the fields. */
  static LinkedHashMap<String, String> parseForm(String body) {
    LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      if (fields.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
        throw new AssertionError("field " + name + " sent twice");
      }
    }
    return fields;
  }

  /** Decodes a JSON object body strictly. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseJsonObject(String body) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
    Object value = reader.readJsonValue();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new AssertionError("data after the JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** The user and password of a {@code Basic} header, split at the first colon. */
  static List<String> parseBasic(String authorization) {
    if (!authorization.startsWith("Basic ")) {
      throw new AssertionError("not Basic: " + authorization);
    }
    String pair = new String(Base64.getDecoder().decode(authorization.substring(6)),
        StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    return List.of(pair.substring(0, colon), pair.substring(colon + 1));
  }

  /**
   * The ways a secret may show up in text: as is, form-encoded (both space styles), JSON-escaped
   * and JSON-escaped to ASCII.
   */
  static List<String> disguises(String secret) {
    List<String> forms = new ArrayList<>();
    forms.add(secret);
    String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(formEncoded);
    forms.add(formEncoded.replace("+", "%20"));
    StringBuilder json = new StringBuilder();
    StringBuilder asciiJson = new StringBuilder();
    for (char c : secret.toCharArray()) {
      String escaped = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        default -> c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
      };
      json.append(escaped);
      asciiJson.append(c >= 0x7f ? String.format("\\u%04x", (int) c) : escaped);
    }
    forms.add(json.toString());
    forms.add(asciiJson.toString());
    forms.add(asciiJson.toString().replace("/", "\\/"));
    return forms;
  }

  private TokenEndpointFixture() {}
}
