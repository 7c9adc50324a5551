package io.tokenwise;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** Sends an exchange's token request through a client that never follows redirects. */
final class HttpTokenFetcher implements TokenFetcher {
  private final OkHttpClient client;
  private final FetchTransport transport;
  private final TokenExchange exchange;
  private final TokenResponseReader reader;
  private final Clock clock;
  private final Scheduler scheduler;

  /** A fetcher on {@code cache}'s clock, sending its requests on the cache's threads. */
  HttpTokenFetcher(OkHttpClient baseClient, TokenExchange exchange, TokenCache cache) {
    this.client = tokenClient(baseClient);
    this.transport = FetchTransport.of(baseClient);
    this.exchange = exchange;
    this.reader = new TokenResponseReader(exchange);
    this.clock = cache.settings.clock();
    this.scheduler = cache.settings.scheduler();
  }

  /**
   * The base client's pool, dispatcher, TLS and proxy, without its interceptors (a logging
   * interceptor would print the secret), its cache, its authenticator (it would answer the token
   * endpoint's 401 with a second request), redirects (they would resend the secret), silent
   * retries (Tokenwise retries with backoff and counts every request) or call timeout (meant for
   * API calls; the cache's {@code tokenRequestTimeout} bounds a token request, which many callers
   * may be sharing).
   */
  static OkHttpClient tokenClient(OkHttpClient base) {
    OkHttpClient.Builder builder = base.newBuilder()
        .authenticator(Authenticator.NONE)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .callTimeout(Duration.ZERO)
        .cache(null);
    builder.interceptors().clear();
    builder.networkInterceptors().clear();
    builder.addNetworkInterceptor(HttpTokenFetcher::noImmediateRepeat);
    return builder.build();
  }

  /**
   * OkHttp repeats a 503 that says {@code Retry-After: 0} at once, whatever
   * retryOnConnectionFailure says: without the header Tokenwise sees the same answer (a zero wait
   * changes nothing) and retries it itself, counted and rate-limited.
   */
  private static Response noImmediateRepeat(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    return response.code() == 503 && retryAfter != null && retryAfter.matches("0+")
        ? response.newBuilder().removeHeader("Retry-After").build()
        : response;
  }

  @Override
  public FetchTransport transport() {
    return transport;
  }

  @Override
  public CompletableFuture<AccessToken> fetch() {
    Call call = client.newCall(exchange.newRequest());
    CompletableFuture<AccessToken> answer = new CompletableFuture<>();
    // Cancelled at the deadline: cancelling the call closes its socket and frees its thread.
    answer.whenComplete((token, failure) -> {
      if (answer.isCancelled()) {
        call.cancel();
      }
    });
    try {
      scheduler.executeBlocking(() -> {
        try {
          answer.complete(fetch(call));
        } catch (Throwable e) {
          answer.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      answer.completeExceptionally(unreachable(e));
    }
    return answer;
  }

  /** The token request on the calling thread (for tests). */
  AccessToken fetchBlocking() throws TokenException {
    return fetch(client.newCall(exchange.newRequest()));
  }

  private AccessToken fetch(Call call) throws TokenException {
    Instant sentAt = clock.instant();
    // Read, then closed, before the answer completes: a cancel after that finds nothing open.
    try (Response response = call.execute()) {
      return reader.read(response, sentAt);
    } catch (TokenException e) {
      throw e;
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private TokenEndpointUnavailableException unreachable(Exception e) {
    return new TokenEndpointUnavailableException(exchange.provider, exchange.provider
        + " token endpoint " + exchange.tokenUrl.host() + " could not be reached ("
        + e.getClass().getSimpleName() + "); Tokenwise retries with backoff", 0, null, e);
  }
}
