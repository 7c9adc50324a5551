package io.tokenwise.testing;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.tokenwise.Provider;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * One request to the emulator, as MockWebServer read it, and the one answer it gets: handlers call
 * {@link #respond} once; the dispatcher sends what they built.
 */
final class HttpCall {
  private final RecordedRequest request;
  final String method;
  /** The raw (still percent-encoded) path, e.g. {@code /v2.01/my%20client/users/42}. */
  final String path;
  final String query;
  final String body;
  private MockResponse.Builder response;
  private int status;

  HttpCall(RecordedRequest request) {
    this.request = request;
    this.method = request.getMethod();
    this.path = request.getUrl().encodedPath();
    this.query = request.getUrl().encodedQuery();
    this.body = request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** The first value of a request header, or null. */
  String header(String name) {
    return request.getHeaders().get(name);
  }

  /** The media type of the body, lower case and without parameters, or "" when absent. */
  String mediaType() {
    return mediaType(header("Content-Type"));
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The form body as name → value, or null when it is not {@code x-www-form-urlencoded}. */
  Map<String, String> form() {
    if (!mediaType().equals("application/x-www-form-urlencoded")) {
      return null;
    }
    return decodePairs(body);
  }

  /** A query parameter, or null. */
  String queryParameter(String name) {
    return query == null ? null : decodePairs(query).get(name);
  }

  static Map<String, String> decodePairs(String encoded) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return pairs;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.putIfAbsent(decode(name), decode(value));
    }
    return pairs;
  }

  /** {@code [id, secret]} of a Basic header, as sent (not form-decoded), or null. */
  static String[] basicPair(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  /** The body as a strict JSON object, or null when it is not one. */
  Map<String, Object> jsonObject() {
    return jsonObject(body);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonObject(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      reader.setLenient(false);
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT || !(value instanceof Map)) {
        return null;
      }
      return (Map<String, Object>) value;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The request as recorded for tests, received at {@code receivedAt}. */
  TokenRequest record(Provider provider, java.time.Instant receivedAt) {
    Map<String, String> headers = new TreeMap<>();
    for (String name : request.getHeaders().names()) {
      headers.put(name.toLowerCase(Locale.ROOT),
          String.join(", ", request.getHeaders().values(name)));
    }
    return new TokenRequest(provider, method, target(), headers, body, receivedAt);
  }

  /** The raw path and query. */
  String target() {
    return path + (query == null ? "" : "?" + query);
  }

  /** Answers with {@code json} (a map, list or scalar written as JSON) and extra headers. */
  void respond(int status, Object json, String... headerPairs) {
    respondRaw(status, toJson(json), headerPairs);
  }

  /** Answers with {@code body} as JSON text, exactly as given. */
  void respondRaw(int status, String body, String... headerPairs) {
    MockResponse.Builder builder = new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8");
    for (int i = 0; i < headerPairs.length; i += 2) {
      builder.addHeader(headerPairs[i], headerPairs[i + 1]);
    }
    response = builder.body(body);
    this.status = status;
  }

  /** Answers with what a script said: a closed connection, or a status, headers and body. */
  void respond(MockResponse.Builder scripted) {
    response = scripted;
  }

  /** The status answered; 0 before an answer or for a dropped connection. */
  int status() {
    return status;
  }

  /** Whether an answer has been given. */
  boolean answered() {
    return response != null;
  }

  /** The answer, held back by {@code delayMillis} before its headers. */
  MockResponse response(long delayMillis) {
    MockResponse.Builder builder = response != null ? response
        : new MockResponse.Builder().code(500).body(toJson(Map.of("error", "no answer")));
    if (delayMillis > 0) {
      builder.headersDelay(delayMillis, TimeUnit.MILLISECONDS);
    }
    return builder.build();
  }

  static String toJson(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer, value);
    } catch (IOException e) {
      throw new AssertionError("writing to a Buffer does not fail", e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String text) {
      writer.value(text);
    } else if (value instanceof Number number) {
      writer.value(number);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name((String) entry.getKey());
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object element : list) {
        write(writer, element);
      }
      writer.endArray();
    } else {
      throw new IllegalArgumentException("not JSON: " + value.getClass());
    }
  }

  /** An ordered JSON object from name/value pairs; null values are left out. */
  static Map<String, Object> object(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }
}
