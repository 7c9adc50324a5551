package io.tokenwise.testing;

import com.squareup.moshi.Moshi;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Token requests and API calls written by hand, so that nothing but the test sends them. */
final class RawHttp {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .build();

  /** A status, the headers a test looks at, and the body as JSON (null when not an object). */
  record Answer(int status, String retryAfter, String wwwAuthenticate, Map<String, Object> json) {
    String token() {
      Object token = json.containsKey("token") ? json.get("token") : json.get("access_token");
      return (String) token;
    }
  }

  /** The token request each provider documents, with the emulator's credentials. */
  static Request tokenRequest(ProviderEmulator emulator, Provider provider) {
    ClientCredentials credentials = emulator.credentials(provider);
    Request.Builder request = new Request.Builder().url(emulator.tokenUrl(provider));
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    switch (provider) {
      case MANGOPAY -> request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((credentials.clientId() + ":" + credentials.secret())
              .getBytes(StandardCharsets.UTF_8)));
      case PAPAYA_GLOBAL -> {
        return request.post(RequestBody.create("{\"api_key\":\"" + credentials.clientId()
                + "\",\"client_secret\":\"" + credentials.secret() + "\"}",
            MediaType.get("application/json"))).build();
      }
      default -> form.add("client_id", credentials.clientId())
          .add("client_secret", credentials.secret());
    }
    if (provider == Provider.PAXOS) {
      form.add("scope", "funding:read_profile");
    }
    return request.post(form.build()).build();
  }

  static Answer token(ProviderEmulator emulator, Provider provider) throws IOException {
    return send(tokenRequest(emulator, provider));
  }

  /** A GET of {@link Apis#resource} with {@code token} as the bearer. */
  static Answer api(ProviderEmulator emulator, Provider provider, String token)
      throws IOException {
    String base = emulator.baseUrl(provider)
        .replace("{clientId}", emulator.credentials(provider).clientId());
    return send(new Request.Builder()
        .url(base + Apis.resource(provider))
        .header("Authorization", "Bearer " + token)
        .build());
  }

  @SuppressWarnings("unchecked")
  static Answer send(Request request) throws IOException {
    try (Response response = HTTP.newCall(request).execute()) {
      String body = response.body().string();
      Object json = body.isEmpty() ? null
          : new Moshi.Builder().build().adapter(Object.class).fromJson(body);
      return new Answer(response.code(), response.header("Retry-After"),
          response.header("WWW-Authenticate"),
          json instanceof Map ? (Map<String, Object>) json : Map.of());
    }
  }

  private RawHttp() {}
}
