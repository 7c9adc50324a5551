package io.tokenwise.examples.emulator;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okio.Buffer;

/** One request to the emulator: what was sent, fully read, and the means to answer it once. */
final class HttpCall {
  private final HttpExchange exchange;
  final String method;
  /** The raw (still percent-encoded) path, e.g. {@code /v2.01/my%20client/users/42}. */
  final String path;
  final String query;
  final String body;

  HttpCall(HttpExchange exchange) throws IOException {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod();
    this.path = exchange.getRequestURI().getRawPath();
    this.query = exchange.getRequestURI().getRawQuery();
    try (InputStream in = exchange.getRequestBody()) {
      this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The first value of a request header, or null. */
  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The media type of the body, lower case and without parameters, or "" when absent. */
  String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The form body as name → value, or null when the body is not {@code x-www-form-urlencoded}. */
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

  private static Map<String, String> decodePairs(String encoded) {
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

  static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  /** The body as a strict JSON object, or null when it is not one. */
  @SuppressWarnings("unchecked")
  Map<String, Object> jsonObject() {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
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

  /** The request as recorded for tests, headers sorted by lower-case name. */
  ProviderEmulator.RecordedRequest record() {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
    return new ProviderEmulator.RecordedRequest(method, path + (query == null ? "" : "?" + query),
        headers, body);
  }

  /** Answers with {@code json} (a map, list or scalar written as JSON) and extra headers. */
  void respond(int status, Object json, String... headerPairs) throws IOException {
    for (int i = 0; i < headerPairs.length; i += 2) {
      exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
    }
    byte[] bytes = toJson(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
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
