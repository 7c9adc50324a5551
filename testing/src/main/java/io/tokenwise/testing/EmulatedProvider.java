package io.tokenwise.testing;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.internal.ProviderCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * One provider's token endpoint and protected resources: the scripts, knobs and counters every
 * provider shares live here; subclasses speak the provider's wire format and error shapes.
 */
abstract class EmulatedProvider {
  final Provider provider;
  final TokenStore tokens;
  volatile ClientCredentials credentials;
  volatile Duration lifetime;
  volatile Duration tokenDelay = Duration.ZERO;
  /** Scopes granted at most, whatever was asked; null grants what was asked. */
  volatile Set<String> grantOnly;
  /** Whether a new token revokes the tokens issued to that client before. */
  volatile boolean singleActiveToken;
  volatile RateLimit tokenRateLimit;
  volatile RateLimit apiRateLimit;
  private final Queue<TokenResponse> scripted = new ConcurrentLinkedQueue<>();
  private final Recorder recorder;

  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger tokensIssued = new AtomicInteger();
  final AtomicInteger apiCallCount = new AtomicInteger();
  final AtomicInteger rejectedApiCalls = new AtomicInteger();
  final AtomicReference<TokenRequest> lastTokenRequest = new AtomicReference<>();
  final Queue<ApiCall> apiCalls = new ConcurrentLinkedQueue<>();
  final Queue<String> issued = new ConcurrentLinkedQueue<>();
  final Queue<TokenRequest> tokenRequestLog = new ConcurrentLinkedQueue<>();

  EmulatedProvider(Provider provider, TokenStore tokens, ClientCredentials credentials,
      Duration lifetime, Recorder recorder) {
    this.provider = provider;
    this.tokens = tokens;
    this.credentials = credentials;
    this.lifetime = lifetime;
    this.recorder = recorder;
  }

  /**
   * Where the emulator keeps token requests for {@code takeTokenRequest}; {@code beforeAnswer}
   * then runs its listener, before the request is answered.
   */
  interface Recorder {
    void tokenRequest(TokenRequest request);

    void beforeAnswer(TokenRequest request);
  }

  /** The token endpoint's path: its published sandbox URL's, from the provider's definition. */
  String tokenPath() {
    return pathOf(ProviderCatalog.spec(provider).tokenUrl(Env.SANDBOX).orElseThrow());
  }

  /**
   * The API base path, ending in {@code /}: its published sandbox URL's (Mangopay's carries
   * {@code {clientId}}). A provider that publishes none says its own.
   */
  String basePath() {
    return pathOf(ProviderCatalog.spec(provider).baseUrl(Env.SANDBOX).orElseThrow());
  }

  private static String pathOf(String url) {
    return url.substring(url.indexOf('/', url.indexOf("://") + 3));
  }

  /** Checks the token request the way the provider does and answers it. */
  abstract void exchangeToken(HttpCall call);

  /** Serves a protected resource to a caller whose token has been checked. */
  abstract void serve(HttpCall call, TokenStore.IssuedToken token);

  /** An error body in the provider's own shape for a token endpoint failure. */
  abstract Object tokenError(int status, String code, String message);

  /** Answers an API call without a live token: 401 in the provider's shape. */
  abstract void refuseApiCall(HttpCall call, String message);

  /** An error body in the provider's own shape for an API failure such as a rate limit. */
  abstract Object apiError(int status, String message);

  /** Routes one request: the token endpoint, or a protected resource under the base path. */
  final MockResponse handle(HttpCall call) {
    if (call.path.equals(tokenPath())) {
      return answerTokenRequest(call);
    }
    int count = apiCallCount.incrementAndGet();
    RateLimit limit = apiRateLimit;
    long wait = limit == null ? 0 : limit.acquire(tokens.now());
    if (wait > 0) {
      call.respond(429, apiError(429, "Too many requests: retry in " + wait + " s"),
          "Retry-After", Long.toString(wait));
    } else {
      serveApi(call);
    }
    keep(apiCalls, new ApiCall(provider, call.method, call.target(), bearer(call), call.status()),
        count);
    return call.response(0);
  }

  private MockResponse answerTokenRequest(HttpCall call) {
    int count = tokenRequests.incrementAndGet();
    TokenRequest recorded = call.record(provider, tokens.now());
    lastTokenRequest.set(recorded);
    keep(tokenRequestLog, recorded, count);
    recorder.tokenRequest(recorded);
    recorder.beforeAnswer(recorded);
    TokenResponse script = scripted.poll();
    Duration delay = tokenDelay;
    if (script != null) {
      delay = delay.plus(script.delayOrZero());
      if (script.drops()) {
        call.respond(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()));
      } else if (!script.issues()) {
        respondScripted(call, script);
      }
    }
    if (!call.answered()) {
      RateLimit limit = tokenRateLimit;
      long wait = limit == null ? 0 : limit.acquire(tokens.now());
      if (wait > 0) {
        call.respond(429, tokenError(429, failureCode(429),
            "Too many token requests: retry in " + wait + " s"),
            "Retry-After", Long.toString(wait));
      } else {
        exchangeToken(call);
      }
    }
    return call.response(delay.toMillis());
  }

  private void respondScripted(HttpCall call, TokenResponse script) {
    Duration retryAfter = script.retryAfterOrNull();
    String[] headers = retryAfter == null
        ? new String[0]
        : new String[] {"Retry-After", Long.toString(retryAfter.toSeconds())};
    if (script.body() != null) {
      call.respondRaw(script.status(), script.body(), headers);
    } else {
      call.respond(script.status(), tokenError(script.status(), failureCode(script.status()),
          "emulated failure (HTTP " + script.status() + ")"), headers);
    }
  }

  /** The form body of a POST, or null after answering 405 or 400 as an RFC 6749 server does. */
  final Map<String, String> oauthForm(HttpCall call) {
    if (!call.method.equals("POST")) {
      call.respond(405, tokenError(405, "invalid_request", "The token endpoint accepts POST only"),
          "Allow", "POST");
      return null;
    }
    Map<String, String> form = call.form();
    if (form == null) {
      call.respond(400, tokenError(400, "invalid_request",
          "The request body must be application/x-www-form-urlencoded"));
    }
    return form;
  }

  /** Checks the bearer token, then lets the provider serve the resource. */
  void serveApi(HttpCall call) {
    TokenStore.IssuedToken token = liveToken(call);
    if (token == null) {
      return;
    }
    serve(call, token);
  }

  private static String bearer(HttpCall call) {
    String authorization = call.header("Authorization");
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return null;
    }
    return authorization.substring("bearer ".length()).trim();
  }

  /** The live token the call carries, or null after answering 401. */
  final TokenStore.IssuedToken liveToken(HttpCall call) {
    String value = bearer(call);
    if (value == null) {
      rejectedApiCalls.incrementAndGet();
      refuseApiCall(call, "no bearer token");
      return null;
    }
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

  /**
   * The scopes a token gets for {@code requested}: all of them, or those {@link #grantOnly}
   * allows, in the order asked.
   */
  final Set<String> granted(Collection<String> requested) {
    Set<String> granted = new LinkedHashSet<>(requested);
    Set<String> only = grantOnly;
    if (only != null) {
      granted.retainAll(only);
    }
    return granted;
  }

  /**
   * Records a new token for {@code clientId} and counts it. Synchronized: with {@code
   * singleActiveToken}, revoking the old token and adding the new one is one step, so two
   * requests at once never leave two live tokens.
   */
  final synchronized TokenStore.IssuedToken issue(String value, String clientId,
      Set<String> scopes, Instant issuedAt, Instant expiresAt) {
    if (singleActiveToken) {
      tokens.revoke(provider, clientId);
    }
    keep(issued, value, tokensIssued.incrementAndGet());
    return tokens.add(new TokenStore.IssuedToken(value, provider, clientId, scopes, issuedAt,
        expiresAt));
  }

  /** Adds {@code item}, dropping the oldest beyond {@link ProviderEmulator#RECORDED}. */
  private static <T> void keep(Queue<T> recorded, T item, int count) {
    recorded.add(item);
    // size() walks the queue: trim every thousandth time, in one go.
    if (count % 1_000 == 0) {
      int excess = recorded.size() - ProviderEmulator.RECORDED;
      for (int i = 0; i < excess; i++) {
        recorded.poll();
      }
    }
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

  final void enqueue(TokenResponse response) {
    scripted.add(response);
  }

  final void clearScripts() {
    scripted.clear();
  }

  final List<TokenResponse> scripts() {
    return new ArrayList<>(scripted);
  }

  final void resetCounters() {
    tokenRequests.set(0);
    tokensIssued.set(0);
    apiCallCount.set(0);
    rejectedApiCalls.set(0);
    lastTokenRequest.set(null);
    apiCalls.clear();
    issued.clear();
    tokenRequestLog.clear();
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
}
