package io.tokenwise;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** Sends an exchange's token request through a client that never follows redirects. */
final class HttpTokenFetcher implements TokenFetcher {
  private final OkHttpClient client;
  private final TokenExchange exchange;
  private final TokenResponseReader reader;
  private final Clock clock;

  HttpTokenFetcher(OkHttpClient baseClient, TokenExchange exchange, Clock clock) {
    this.client = tokenClient(baseClient);
    this.exchange = exchange;
    this.reader = new TokenResponseReader(exchange);
    this.clock = clock;
  }

  /**
   * The base client's pool, dispatcher, TLS and proxy, without its interceptors (a logging
   * interceptor would print the secret), its cache, its authenticator (it would answer the token
   * endpoint's 401 with a second request), redirects (they would resend the secret) or silent
   * retries (Tokenwise retries with backoff and counts every request).
   */
  static OkHttpClient tokenClient(OkHttpClient base) {
    OkHttpClient.Builder builder = base.newBuilder()
        .authenticator(Authenticator.NONE)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
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
  public AccessToken fetch() throws TokenException {
    Instant sentAt = clock.instant();
    Call call = client.newCall(exchange.newRequest());
    try (Response response = call.execute()) {
      return reader.read(response, sentAt);
    } catch (TokenException e) {
      throw e;
    } catch (IOException e) {
      throw new TokenEndpointUnavailableException(exchange.provider, exchange.provider
          + " token endpoint " + exchange.tokenUrl.host() + " could not be reached ("
          + e.getClass().getSimpleName() + "); Tokenwise retries with backoff", 0, null, e);
    }
  }
}
