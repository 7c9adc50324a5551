package io.tokenwise.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The token request a user writes by hand for Google's {@code OAuth2CredentialsWithRefresh} and
 * the AWS {@code CachedSupplier} (neither library speaks client credentials): one OkHttp POST and
 * a Moshi read, the same HTTP stack Tokenwise uses, so only the caching policy differs.
 */
final class PlainTokenClient {
  /** A token and its {@code expires_in}. */
  record Fetched(String value, long expiresInSeconds) {}

  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final HttpUrl tokenUrl;

  PlainTokenClient(HttpUrl tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  Fetched fetch() throws IOException {
    Request request = new Request.Builder().url(tokenUrl)
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", Library.CLIENT_ID)
            .add("client_secret", Library.CLIENT_SECRET)
            .build())
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("token endpoint answered " + response.code());
      }
      Map<String, Object> body = JSON.fromJson(response.body().source());
      if (body == null || !(body.get("access_token") instanceof String token)) {
        throw new IOException("no access_token in the token response");
      }
      long expiresIn = ((Number) body.get("expires_in")).longValue();
      return new Fetched(token, expiresIn);
    }
  }
}
