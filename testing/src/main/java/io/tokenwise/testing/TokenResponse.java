package io.tokenwise.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the emulator does with one future token request, scripted in the manner of MockWebServer's
 * {@code MockResponse}: {@link ProviderEmulator#enqueueTokenResponse} queues it for a provider, and
 * that provider's next token request gets it instead of the usual answer.
 *
 * <pre>{@code
 * emulator.enqueueTokenResponse(Provider.PAXOS,
 *     TokenResponse.error(503).retryAfter(Duration.ofSeconds(2)));
 * emulator.enqueueTokenResponse(Provider.PAXOS, TokenResponse.dropConnection());
 * emulator.enqueueTokenResponse(Provider.PAXOS,
 *     TokenResponse.issue().delay(Duration.ofMillis(300)));
 * }</pre>
 *
 * <p>Immutable: each method returns a new script.
 */
public final class TokenResponse {
  private final int status;
  private final String body;
  private final Duration retryAfter;
  private final Duration delay;
  private final boolean drop;

  private TokenResponse(int status, String body, Duration retryAfter, Duration delay,
      boolean drop) {
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.drop = drop;
  }

  /** The provider's usual answer: a new token, or its own refusal of a bad request. */
  public static TokenResponse issue() {
    return new TokenResponse(0, null, null, Duration.ZERO, false);
  }

  /**
   * An error {@code status} (4xx or 5xx) with the provider's own error body: Paxos's {@code
   * {error, error_description}}, Mangopay's {@code {Message, Type, Id, Date, errors}}, Paysway's
   * {@code {code, message}}, Papaya Global's {@code {error}}.
   */
  public static TokenResponse error(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    return new TokenResponse(status, null, null, Duration.ZERO, false);
  }

  /** Exactly {@code status} and {@code body} (as {@code application/json}), for odd answers. */
  public static TokenResponse status(int status, String body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    return new TokenResponse(status, Objects.requireNonNull(body, "body == null"), null,
        Duration.ZERO, false);
  }

  /** Reads the request, then closes the connection without a byte of answer. */
  public static TokenResponse dropConnection() {
    return new TokenResponse(0, null, null, Duration.ZERO, true);
  }

  /** Adds {@code Retry-After} in whole seconds. */
  public TokenResponse retryAfter(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter is negative: " + retryAfter);
    }
    return new TokenResponse(status, body, retryAfter, delay, drop);
  }

  /** Holds the answer (or the dropped connection) back by {@code delay} of wall-clock time. */
  public TokenResponse delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
    return new TokenResponse(status, body, retryAfter, delay, drop);
  }

  /** The scripted status; empty for {@link #issue()} and {@link #dropConnection()}. */
  public OptionalInt statusCode() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  boolean issues() {
    return status == 0 && !drop;
  }

  boolean drops() {
    return drop;
  }

  int status() {
    return status;
  }

  String body() {
    return body;
  }

  Duration retryAfterOrNull() {
    return retryAfter;
  }

  Duration delayOrZero() {
    return delay;
  }

  @Override
  public String toString() {
    String what = drop ? "dropConnection" : status == 0 ? "issue" : body == null
        ? "error(" + status + ")" : "status(" + status + ", " + body.length() + " chars)";
    return "TokenResponse{" + what + (retryAfter == null ? "" : ", retryAfter=" + retryAfter)
        + (delay.isZero() ? "" : ", delay=" + delay) + "}";
  }
}
