package io.tokenwise.examples.emulator;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One provider's token endpoint and protected resources: the knobs and counters every provider
 * shares live here; subclasses speak the provider's wire format and error shapes.
 */
abstract class EmulatedProvider {
  final Provider provider;
  final TokenStore tokens;
  volatile ClientCredentials credentials;
  volatile Duration lifetime;
  volatile Duration tokenDelay = Duration.ZERO;
  private final AtomicReference<InjectedFailure> failure = new AtomicReference<>();

  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger tokensIssued = new AtomicInteger();
  final AtomicInteger apiCalls = new AtomicInteger();
  final AtomicInteger rejectedApiCalls = new AtomicInteger();
  final AtomicReference<ProviderEmulator.RecordedRequest> lastTokenRequest = new AtomicReference<>();

  EmulatedProvider(Provider provider, TokenStore tokens, ClientCredentials credentials,
      Duration lifetime) {
    this.provider = provider;
    this.tokens = tokens;
    this.credentials = credentials;
    this.lifetime = lifetime;
  }

  /** The token endpoint's path, exactly the provider's. */
  abstract String tokenPath();

  /** The API base path, ending in {@code /} (Mangopay's carries {@code {clientId}}). */
  abstract String basePath();

  /** Checks the token request the way the provider does and answers it. */
  abstract void exchangeToken(HttpCall call) throws IOException;

  /** Serves a protected resource to a caller whose token has been checked. */
  abstract void serve(HttpCall call, TokenStore.IssuedToken token) throws IOException;

  /** An error body in the provider's own shape for a token endpoint failure. */
  abstract Object tokenError(int status, String code, String message);

  /** Answers an API call without a live token: 401 in the provider's shape. */
  abstract void refuseApiCall(HttpCall call, String message) throws IOException;

  /** Routes one request: the token endpoint, or a protected resource under the base path. */
  final void handle(HttpCall call) throws IOException {
    if (call.path.equals(tokenPath())) {
      tokenRequests.incrementAndGet();
      lastTokenRequest.set(call.record());
      pause(tokenDelay);
      InjectedFailure injected = takeFailure();
      if (injected != null) {
        String[] headers = injected.retryAfter == null
            ? new String[0]
            : new String[] {"Retry-After", Long.toString(injected.retryAfter.toSeconds())};
        call.respond(injected.status, tokenError(injected.status, failureCode(injected.status),
            "emulated failure (HTTP " + injected.status + ")"), headers);
        return;
      }
      exchangeToken(call);
      return;
    }
    apiCalls.incrementAndGet();
    serveApi(call);
  }

  /** Checks the bearer token, then lets the provider serve the resource. */
  void serveApi(HttpCall call) throws IOException {
    TokenStore.IssuedToken token = liveToken(call);
    if (token == null) {
      return;
    }
    serve(call, token);
  }

  /** The live token the call carries, or null after answering 401. */
  final TokenStore.IssuedToken liveToken(HttpCall call) throws IOException {
    String authorization = call.header("Authorization");
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      rejectedApiCalls.incrementAndGet();
      refuseApiCall(call, "no bearer token");
      return null;
    }
    String value = authorization.substring("bearer ".length()).trim();
    TokenStore.IssuedToken token = tokens.find(value, provider);
    if (token == null) {
      rejectedApiCalls.incrementAndGet();
      refuseApiCall(call, "the access token is unknown or has been revoked");
      return null;
    }
    if (!tokens.now().isBefore(token.expiresAt())) {
      rejectedApiCalls.incrementAndGet();
      refuseApiCall(call, "the access token has expired");
      return null;
    }
    return token;
  }

  /** Records a new token for {@code clientId} and counts it. */
  final TokenStore.IssuedToken issue(String value, String clientId, Set<String> scopes,
      Instant issuedAt, Instant expiresAt) {
    tokensIssued.incrementAndGet();
    return tokens.add(new TokenStore.IssuedToken(value, provider, clientId, scopes, issuedAt,
        expiresAt));
  }

  /** The provider's error code for an injected failure status. */
  String failureCode(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "invalid_client";
      case 403 -> "unauthorized_client";
      case 429 -> "rate_limited";
      default -> status >= 500 ? "server_error" : "error";
    };
  }

  final void failNext(int count, int status, Duration retryAfter) {
    failure.set(count == 0 ? null : new InjectedFailure(new AtomicInteger(count), status, retryAfter));
  }

  private InjectedFailure takeFailure() {
    InjectedFailure current = failure.get();
    if (current == null) {
      return null;
    }
    int left = current.remaining.getAndDecrement();
    if (left <= 0) {
      failure.compareAndSet(current, null);
      return null;
    }
    if (left == 1) {
      failure.compareAndSet(current, null);
    }
    return current;
  }

  final void resetCounters() {
    tokenRequests.set(0);
    tokensIssued.set(0);
    apiCalls.set(0);
    rejectedApiCalls.set(0);
    lastTokenRequest.set(null);
  }

  /** Whether the given id and secret are this provider's configured credentials. */
  final boolean accepts(String clientId, String secret) {
    ClientCredentials expected = credentials;
    return clientId != null && secret != null
        && expected.clientId().equals(clientId) && expected.secret().equals(secret);
  }

  /** The seconds of the configured lifetime, at least 1. */
  final long lifetimeSeconds() {
    return Math.max(1, lifetime.toSeconds());
  }

  private static void pause(Duration delay) throws IOException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while delaying a token answer", e);
    }
  }

  private record InjectedFailure(AtomicInteger remaining, int status, Duration retryAfter) {}
}
