package io.tokenwise.benchmarks;

import io.tokenwise.ClientCredentials;
import io.tokenwise.TokenCache;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Tokenwise's per-call work as a user gets it: a generated {@code LedgerApiClient} built with the
 * public builder, whose bearer interceptor is taken from the OkHttpClient the builder made. The
 * runtime keeps that interceptor package-private; it is read here as a plain {@link Interceptor}
 * from the call's client ({@code RealCall.getClient()}: OkHttp's internals, none of Tokenwise's).
 */
final class TokenwiseInterceptor {
  /** The loopback API URL every measured call goes to (one of the client's origins). */
  static Request apiRequest(TokenServer server) {
    return new Request.Builder().url(server.apiUrl().resolve("balances/acc-1")).build();
  }

  /** The bearer interceptor of a client built against {@code server} with {@code cache}. */
  static Interceptor of(TokenServer server, TokenCache cache) throws IOException {
    AtomicReference<List<Interceptor>> captured = new AtomicReference<>();
    // Runs before Tokenwise's (the base client's interceptors come first); answers at once.
    Interceptor capture = chain -> {
      if (captured.get() != null) {
        return chain.proceed(chain.request());
      }
      var call = (okhttp3.internal.connection.RealCall) chain.call();
      captured.set(call.getClient().interceptors());
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
          .code(200).message("OK").body(ResponseBody.create("{}", null)).build();
    };
    LedgerApi api = LedgerApiClient.builder()
        .credentials(ClientCredentials.of(Library.CLIENT_ID, Library.CLIENT_SECRET))
        .baseUrl(server.apiUrl().toString())
        .tokenUrl(server.tokenUrl().toString())
        .tokenCache(cache)
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(capture).build())
        .build();
    api.balance("acc-1").execute();
    List<Interceptor> interceptors = captured.get();
    return interceptors.get(interceptors.size() - 1);
  }

  /** The Authorization header Tokenwise's interceptor puts on one API call. */
  static String authorization(Interceptor bearer, Request request) throws IOException {
    FixedChain chain = new FixedChain(request);
    bearer.intercept(chain);
    return chain.proceeded().header("Authorization");
  }

  private TokenwiseInterceptor() {}
}
