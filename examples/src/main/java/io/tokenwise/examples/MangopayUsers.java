package io.tokenwise.examples;

import com.squareup.moshi.Json;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Mangopay's users: paths are relative to {@code /v2.01/{clientId}/}, whose client id the client
 * fills in, so users write {@code users/{id}}.
 */
@TokenEndpoint(provider = Provider.MANGOPAY)
public interface MangopayUsers {
  /** View a user. */
  @GET("users/{id}")
  Call<User> user(@Path("id") String id);

  /** A user, in Mangopay's PascalCase. */
  record User(
      @Json(name = "Id") String id,
      @Json(name = "PersonType") String personType,
      @Json(name = "FirstName") String firstName,
      @Json(name = "LastName") String lastName,
      @Json(name = "Email") String email) {}
}
