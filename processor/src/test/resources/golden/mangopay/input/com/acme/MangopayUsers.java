package com.acme;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** Mangopay's base URL carries the client id: paths start after it. */
@TokenEndpoint(provider = Provider.MANGOPAY)
public interface MangopayUsers {
  @GET("users/{id}")
  Call<String> user(@Path("id") String id);

  @POST("users/natural")
  Call<String> createNaturalUser(@Body String user);
}
