package io.tokenwise;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.tokenwise.internal.ProviderCatalog;
import io.tokenwise.internal.ProviderSpec.ErrorField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns a token endpoint's answer into an {@link AccessToken} or the right {@link TokenException}:
 * the OAuth2 reader ({@code access_token}, {@code token_type}, {@code expires_in}, {@code scope})
 * or Papaya's ({@code token}, {@code valid_until}), and one reader of provider error bodies.
 */
final class TokenResponseReader {
  /** Bodies are read up to this size; a token response is a few KiB at most. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  /** When neither {@code expires_in} nor a JWT {@code exp} says otherwise. */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
  /** An excerpt is 200 characters: no more strings than this can stand in it. */
  private static final int MAX_MASKED_STRINGS = 32;
  /** The longest lifetime taken from {@code expires_in}, {@code valid_until} or a JWT's exp. */
  static final Duration MAX_LIFETIME = Duration.ofDays(3650);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private final TokenExchange exchange;
  private final Redactor redactor;

  TokenResponseReader(TokenExchange exchange) {
    this.exchange = exchange;
    this.redactor = new Redactor(exchange.credentials.secret(), exchange.credentials.clientId());
  }

  /** Reads {@code response} (and closes nothing: the caller owns it). */
  AccessToken read(Response response, Instant sentAt) throws TokenException {
    int status = response.code();
    if (status >= 300 && status < 400) {
      String location = response.header("Location");
      String host = location == null ? "nowhere" : hostOf(location);
      throw new TokenResponseException(exchange.provider, exchange.provider
          + " token endpoint answered HTTP " + status + " redirecting to " + host
          + "; Tokenwise never follows a token endpoint's redirect because it would resend the"
          + " secret: set tokenUrl to the final https URL", status, "");
    }
    String body;
    boolean truncated;
    try {
      ResponseBody responseBody = response.body();
      BufferedSource source = responseBody.source();
      source.request(MAX_BODY_BYTES + 1);
      Buffer buffer = source.getBuffer();
      truncated = buffer.size() > MAX_BODY_BYTES;
      body = buffer.clone().readString(Math.min(buffer.size(), MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TokenEndpointUnavailableException(exchange.provider, exchange.provider
          + " token endpoint's answer (HTTP " + status + ") broke off while being read: "
          + e.getClass().getSimpleName() + "; Tokenwise retries with backoff", 0, null, e);
    }
    return read(status, response.header("Retry-After"), body, truncated, sentAt);
  }

  AccessToken read(int status, String retryAfter, String body, boolean truncated, Instant sentAt)
      throws TokenException {
    if (status >= 200 && status < 300) {
      if (truncated) {
        throw unusable(status, body, "its body is larger than " + MAX_BODY_BYTES / 1024
            + " KiB, far more than any token response");
      }
      return exchange.style == AuthStyle.JSON_API_KEY
          ? readPapaya(status, body, sentAt)
          : readOAuth(status, body, sentAt);
    }
    if (status == 400 || status == 401 || status == 403) {
      ProviderError error = ProviderError.parse(body, exchange.provider, redactor);
      throw new TokenRejectedException(exchange.provider, exchange.provider
          + " token endpoint rejected the request (HTTP " + status + error.describe() + "): "
          + "check the client id, secret and scopes, and that they belong to the "
          + "environment of " + exchange.tokenUrl.host(), status, error.code(), error.message());
    }
    if (status == 408 || status == 429 || status >= 500) {
      ProviderError error = ProviderError.parse(body, exchange.provider, redactor);
      Duration wait = parseRetryAfter(retryAfter, sentAt);
      throw new TokenEndpointUnavailableException(exchange.provider, exchange.provider
          + " token endpoint is unavailable (HTTP " + status + error.describe()
          + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + " s")
          + "); Tokenwise retries with backoff while a cached token lasts", status, wait, null);
    }
    throw unusable(status, body, "HTTP " + status + " is not a token endpoint's answer: check"
        + " tokenUrl (" + exchange.tokenUrl.host() + exchange.tokenUrl.encodedPath() + ")");
  }

  private AccessToken readOAuth(int status, String body, Instant sentAt) throws TokenException {
    Map<String, Object> json = parseObject(status, body);
    String token = requireToken(status, body, json, "access_token");
    Object type = json.get("token_type");
    if (type != null && !(type instanceof String s && s.equalsIgnoreCase("bearer"))) {
      throw unusable(status, body, "token_type is " + describe(type) + ", not bearer;"
          + " Tokenwise sends only Bearer tokens");
    }
    Instant expiresAt;
    Object expiresIn = json.get("expires_in");
    if (expiresIn != null) {
      long seconds = parseSeconds(status, body, expiresIn);
      expiresAt = sentAt.plusSeconds(seconds);
    } else {
      expiresAt = jwtExpiry(token, sentAt);
      if (expiresAt == null) {
        expiresAt = sentAt.plus(DEFAULT_LIFETIME);
      }
    }
    return finish(status, body, token, sentAt, expiresAt, grantedScopes(status, body, json));
  }

  private AccessToken readPapaya(int status, String body, Instant sentAt) throws TokenException {
    Map<String, Object> json = parseObject(status, body);
    String token = requireToken(status, body, json, "token");
    // A JWT's exp is exact; valid_until is cut down to the minute, so up to 59 s early.
    Instant expiresAt = jwtExpiry(token, sentAt);
    if (expiresAt == null) {
      Object validUntil = json.get("valid_until");
      if (validUntil == null) {
        expiresAt = sentAt.plus(DEFAULT_LIFETIME);
      } else if (validUntil instanceof String text) {
        try {
          expiresAt = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
          throw unusable(status, body, "valid_until " + describe(validUntil)
              + " is not an ISO-8601 date-time with an offset, such as 2024-07-11T07:48Z");
        }
      } else {
        throw unusable(status, body, "valid_until is " + describe(validUntil) + ", not a date-time");
      }
    }
    return finish(status, body, token, sentAt, expiresAt, new LinkedHashSet<>(exchange.scopes));
  }

  private AccessToken finish(int status, String body, String token, Instant sentAt,
      Instant expiresAt, Set<String> granted) throws TokenException {
    if (!expiresAt.isAfter(sentAt)) {
      throw unusable(status, body, "the token expires at " + expiresAt
          + ", before it was requested (" + sentAt + "): check the provider's and this"
          + " machine's clocks");
    }
    // As for expires_in: past ten years it is no lifetime (and past year 292278994, whose epoch
    // milliseconds overflow a long, it would break the cache).
    if (expiresAt.isAfter(sentAt.plus(MAX_LIFETIME))) {
      throw unusable(status, body, "the token expires at " + expiresAt + ", more than 10 years"
          + " after it was requested (" + sentAt + ")");
    }
    Set<String> missing = new LinkedHashSet<>(exchange.scopes);
    missing.removeAll(granted);
    if (!missing.isEmpty()) {
      throw new InsufficientScopeException(exchange.provider, exchange.provider
          + " granted a token without the scopes " + missing + " (granted " + granted + "):"
          + " ask the provider to enable them for this client, or stop requesting them",
          missing, granted);
    }
    return AccessToken.create(token, sentAt, expiresAt, granted);
  }

  private Set<String> grantedScopes(int status, String body, Map<String, Object> json)
      throws TokenException {
    Object scope = json.get("scope");
    if (scope == null) {
      return new LinkedHashSet<>(exchange.scopes);
    }
    Set<String> granted = new LinkedHashSet<>();
    if (scope instanceof String text) {
      for (String s : text.trim().split("\\s+")) {
        if (!s.isEmpty()) {
          granted.add(s);
        }
      }
    } else if (scope instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      list.forEach(s -> granted.add((String) s));
    } else {
      throw unusable(status, body, "scope is " + describe(scope)
          + ", not a space-delimited string");
    }
    return granted;
  }

  private String requireToken(int status, String body, Map<String, Object> json, String field)
      throws TokenException {
    Object token = json.get(field);
    if (token == null) {
      throw unusable(status, body, "it has no " + field);
    }
    if (!(token instanceof String text) || text.isEmpty()) {
      throw unusable(status, body, field + " is " + describe(token) + ", not a non-empty string");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw unusable(status, body, field
            + " contains a space, control or non-ASCII character and cannot be sent in a header");
      }
    }
    return text;
  }

  private long parseSeconds(int status, String body, Object value) throws TokenException {
    double seconds;
    if (value instanceof Double number) {
      seconds = number;
    } else if (value instanceof String text) {
      // Digits only: Double.parseDouble would also take "3600d", "0x1p3" or "NaN".
      if (!DECIMAL.matcher(text.trim()).matches()) {
        throw unusable(status, body, "expires_in " + describe(value) + " is not a number of seconds");
      }
      seconds = Double.parseDouble(text.trim());
    } else {
      throw unusable(status, body, "expires_in is " + describe(value) + ", not a number of seconds");
    }
    if (!(seconds >= 1) || Double.isInfinite(seconds) || seconds > MAX_LIFETIME.toSeconds()) {
      throw unusable(status, body, "expires_in " + describe(value)
          + " is not a lifetime (expected 1 s to 10 years)");
    }
    return (long) seconds;
  }

  /**
   * A JWT's {@code exp}, or null when the token is not a JWT with one. With an {@code iat} too,
   * the lifetime counts from our own send time, so a skewed provider clock cannot stretch it.
   */
  static Instant jwtExpiry(String token, Instant sentAt) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonReader reader = JsonReader.of(new Buffer().write(payload));
      if (!(reader.readJsonValue() instanceof Map<?, ?> claims)
          || !(claims.get("exp") instanceof Double exp)) {
        return null;
      }
      Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
      if (claims.get("iat") instanceof Double iat && iat <= exp) {
        Instant byLifetime = sentAt.plusSeconds(exp.longValue() - iat.longValue());
        return byLifetime.isBefore(expiresAt) ? byLifetime : expiresAt;
      }
      return expiresAt;
    } catch (IOException | RuntimeException e) {
      return null; // Not a JWT after all: an opaque token with dots.
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parseObject(int status, String body) throws TokenException {
    Object value;
    try {
      value = parseJson(body);
    } catch (IOException | JsonDataException e) {
      throw unusable(status, body, body.isBlank() ? "its body is empty"
          : "its body is not JSON (" + redactor.excerpt(jsonProblem(e)) + ")");
    }
    if (!(value instanceof Map)) {
      // A bare JSON string, or one in an array, is most likely the token: keep it out of the excerpt.
      Redactor masking = redactor.with(stringsIn(value).toArray(String[]::new));
      String what = value instanceof String ? "a string" : describe(value);
      throw unusable(status, body, "its body is JSON " + what + ", not an object", masking);
    }
    return (Map<String, Object>) value;
  }

  /**
   * The first strings in a JSON value, however deep: enough to cover the short excerpt, and few
   * enough that a body of thousands of strings is not masked string by string.
   */
  private static List<String> stringsIn(Object value) {
    List<String> strings = new java.util.ArrayList<>();
    collectStrings(value, strings);
    return strings;
  }

  private static void collectStrings(Object value, List<String> strings) {
    if (strings.size() >= MAX_MASKED_STRINGS) {
      return;
    }
    if (value instanceof String text) {
      strings.add(text);
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        collectStrings(element, strings);
      }
    }
  }

  /** Strict JSON, one value and nothing after it. */
  static Object parseJson(String body) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
    reader.setLenient(false);
    Object value = reader.readJsonValue();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IOException("data after the JSON value at " + reader.getPath());
    }
    return value;
  }

  /** Moshi's complaint without the values it quotes (a duplicated key quotes both tokens). */
  private static String jsonProblem(Exception e) {
    String problem = String.valueOf(e.getMessage());
    int values = problem.indexOf(" has multiple values");
    if (values >= 0) {
      return problem.substring(0, values) + " appears more than once";
    }
    // Moshi's advice to call setLenient is for its own users, not Tokenwise's.
    return problem.replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed");
  }

  private TokenResponseException unusable(int status, String body, String problem) {
    return unusable(status, body, problem, redactor);
  }

  private TokenResponseException unusable(
      int status, String body, String problem, Redactor masking) {
    return new TokenResponseException(exchange.provider, exchange.provider
        + " token endpoint answered HTTP " + status + " without a usable token: " + problem
        + ". Check tokenUrl and authStyle for this provider", status, masking.excerpt(body));
  }

  /** The type of a JSON value, never the value itself (it might be a token). */
  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return text.length() <= 24 && !text.matches(".*[A-Za-z0-9]{16,}.*")
          ? "\"" + text.replaceAll("\\p{Cntrl}", "?") + "\""
          : "a string of " + text.length() + " characters";
    }
    if (value instanceof Double) {
      return "the number " + value;
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    return value instanceof List ? "an array" : "an object";
  }

  private static String hostOf(String location) {
    okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(location);
    return url == null ? "a relative location" : url.host();
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeException notDate) {
        return null;
      }
    }
  }

  /** The provider's error code and message from any of the four documented error shapes. */
  record ProviderError(String code, String message) {
    static ProviderError parse(String body, Provider provider, Redactor redactor) {
      Object value;
      try {
        value = parseJson(body);
      } catch (IOException | RuntimeException e) {
        return new ProviderError(null, null);
      }
      if (!(value instanceof Map<?, ?> json)) {
        return new ProviderError(null, null);
      }
      String error = text(json, "error");
      String code;
      String message;
      boolean errorIsCode = ProviderCatalog.spec(provider).wire().errorField() == ErrorField.CODE;
      if (json.containsKey("error_description") || (error != null && errorIsCode
          && !json.containsKey("message") && !json.containsKey("Message"))) {
        code = error; // OAuth2 (RFC 6749 section 5.2)
        message = text(json, "error_description");
      } else if (json.containsKey("Message") || json.containsKey("Type")) {
        code = text(json, "Type"); // Mangopay
        message = text(json, "Message");
      } else if (json.containsKey("message") || json.containsKey("code")) {
        code = text(json, "code"); // Paysway
        message = text(json, "message");
      } else {
        code = null; // a lone error holding a message (Papaya: {"error": "..."})
        message = error;
      }
      return new ProviderError(
          code == null ? null : redactor.excerpt(code),
          message == null ? null : redactor.excerpt(message));
    }

    private static String text(Map<?, ?> json, String field) {
      Object value = json.get(field);
      return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** {@code ", invalid_client: Bad secret"} or nothing. */
    String describe() {
      if (code == null && message == null) {
        return "";
      }
      return ", " + (code == null ? message : message == null ? code : code + ": " + message);
    }
  }
}
