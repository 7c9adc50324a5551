package com.acme;

import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.concurrent.CompletableFuture;
import retrofit2.http.GET;
import retrofit2.http.Path;

@TokenEndpoint(provider = Provider.PAYSWAY, env = Env.PRODUCTION)
public interface PayswayPayments {
  @GET("/v1/payments/{paymentId}")
  CompletableFuture<String> payment(@Path("paymentId") String paymentId);
}
