package io.tokenwise;

import io.tokenwise.internal.ProviderCatalog;
import io.tokenwise.internal.ProviderSpec;
import io.tokenwise.internal.UrlRules;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Adds {@code Authorization: Bearer <token>} to every API call to the client's own origins: the
 * base URL's (scheme, host, port) and any given to {@code alsoSendTokenTo}, never over plain http
 * to a host that is not loopback. A call elsewhere (a Retrofit {@code @Url}) goes out without it.
 * An application interceptor, so OkHttp strips the header when a redirect leaves the host. A 401
 * on the token still cached invalidates it and retries once; a 401 demanding strong customer
 * authentication goes straight to the caller.
 */
final class BearerInterceptor implements Interceptor {
  private final TokenEntry entry;
  private final Provider provider;
  private final ProviderSpec.Wire wire;
  private final HttpUrl[] origins;

  /** {@code origins}: URLs whose scheme, host and port the token may be sent to. */
  BearerInterceptor(TokenEntry entry, Provider provider, List<HttpUrl> origins) {
    this.entry = entry;
    this.provider = provider;
    this.wire = ProviderCatalog.spec(provider).wire();
    this.origins = origins.toArray(new HttpUrl[0]);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!maySend(request.url()) || isWithoutAccessToken(request)) {
      return chain.proceed(request); // the user's own Authorization, if any, goes as written
    }
    AccessToken token = token(chain);
    Response response = chain.proceed(withBearer(request, token));
    if (response.code() != 401
        || isStrongCustomerAuthentication(response)
        || (request.body() != null && request.body().isOneShot())
        || !invalidate(token)) {
      return response;
    }
    response.close();
    return chain.proceed(withBearer(request, token(chain)));
  }

  /** True for one of the client's origins, over https or to a loopback host. */
  boolean maySend(HttpUrl url) {
    if (!UrlRules.mayCarryCredentials(url.scheme(), url.host())) {
      return false;
    }
    for (HttpUrl origin : origins) {
      // HttpUrl keeps scheme and host canonical and the port explicit: UrlRules.sameOrigin's rule.
      if (origin.port() == url.port() && origin.host().equals(url.host())
          && origin.scheme().equals(url.scheme())) {
        return true;
      }
    }
    return false;
  }

  /** A call of a method annotated {@link WithoutAccessToken}: no token is fetched or attached. */
  private static boolean isWithoutAccessToken(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation != null && invocation.method().isAnnotationPresent(WithoutAccessToken.class);
  }

  /**
   * A 401 asking the user to act (Mangopay: {@code WWW-Authenticate: PendingUserAction
   * RedirectUrl=...}), which a new token does not answer.
   */
  private boolean isStrongCustomerAuthentication(Response response) {
    for (String challenge : response.headers("WWW-Authenticate")) {
      if (wire.asksUserToAct(challenge)) {
        return true;
      }
    }
    return false;
  }

  private static Request withBearer(Request request, AccessToken token) {
    return request.newBuilder().header("Authorization", token.authorization).build();
  }

  // No RuntimeException may escape an interceptor: OkHttp would crash an enqueue()'s thread.
  private AccessToken token(Chain chain) throws IOException {
    try {
      return entry.tokenFor(chain.call()); // A cancelled or timed-out call stops waiting for it.
    } catch (RuntimeException e) {
      throw internalError(e);
    }
  }

  private boolean invalidate(AccessToken token) throws IOException {
    try {
      return entry.invalidate(token);
    } catch (RuntimeException e) {
      throw internalError(e);
    }
  }

  private TokenException internalError(RuntimeException e) {
    return TokenResponseException.internalFailure(provider, e, e);
  }
}
