package com.example.consumer;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** A user's API: compiling it generates PaymentsClient. */
@TokenEndpoint(provider = Provider.PAYSWAY)
public interface Payments {
  @GET("payments/{id}")
  Call<Payment> payment(@Path("id") String id);
}
