package io.tokenwise.examples.boot;

import com.squareup.moshi.Json;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Mangopay users. Its bean is {@code walletUsers}; it takes its credentials from {@code
 * tokenwise.providers.mangopay.*}, the defaults of every Mangopay client.
 */
@TokenEndpoint(provider = Provider.MANGOPAY)
public interface WalletUsers {
  /** View a user. */
  @GET("users/{id}")
  Call<User> user(@Path("id") String id);

  /** A user, in Mangopay's PascalCase. */
  record User(@Json(name = "Id") String id, @Json(name = "FirstName") String firstName,
      @Json(name = "Email") String email) {}
}
