package io.tokenwise.examples;

import com.squareup.moshi.Json;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Workers as the {@link io.tokenwise.testing.ProviderEmulator} serves them. Papaya
 * Global publishes no API host, so the base URL is given at run time ({@code
 * PapayaWorkersClient.builder().baseUrl(...)}); take the real paths from its API reference.
 */
@TokenEndpoint(provider = Provider.PAPAYA_GLOBAL)
public interface PapayaWorkers {
  /** One worker. */
  @GET("workers/{id}")
  Call<Worker> worker(@Path("id") String id);

  /** A worker. */
  record Worker(String id, @Json(name = "full_name") String fullName, String country) {}
}
