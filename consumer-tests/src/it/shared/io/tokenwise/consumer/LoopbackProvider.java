package io.tokenwise.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint and an API on 127.0.0.1, on the JDK's own HTTP server: the user builds under
 * test must not get OkHttp, Okio or Kotlin from a test dependency, or the dependency tree they
 * check would not be the user's. {@code POST /token} answers a form token request (echoing the
 * requested scope); {@code GET /api/...} answers {@code {"id": <last segment>, "amount": "12.50"}}.
 */
public final class LoopbackProvider implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final List<String> tokenForms = new CopyOnWriteArrayList<>();
  private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

  private LoopbackProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/api/", this::api);
    server.start();
  }

  public static LoopbackProvider start() throws IOException {
    return new LoopbackProvider();
  }

  /** {@code http://127.0.0.1:<port>/<path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** The form bodies of the token requests, as sent. */
  public List<String> tokenForms() {
    return tokenForms;
  }

  /** The Authorization header of every API call. */
  public List<String> apiAuthorizations() {
    return apiAuthorizations;
  }

  private void token(HttpExchange exchange) throws IOException {
    int n = tokenRequests.incrementAndGet();
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    tokenForms.add(form);
    String scope = form(form).getOrDefault("scope", "");
    answer(exchange, 200, "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"bearer\","
        + "\"expires_in\":3600" + (scope.isEmpty() ? "" : ",\"scope\":\"" + scope + "\"") + "}");
  }

  private void api(HttpExchange exchange) throws IOException {
    apiAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    String path = exchange.getRequestURI().getPath();
    String id = path.substring(path.lastIndexOf('/') + 1);
    answer(exchange, 200, "{\"id\":\"" + id + "\",\"amount\":\"12.50\"}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
