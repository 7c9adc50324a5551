package com.acme;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

@TokenEndpoint(provider = Provider.PAPAYA_GLOBAL,
    baseUrl = "https://api.staging.papaya.example/v1/")
public interface PapayaPayroll {
  @GET("workers")
  Call<String> workers(@Query("page") int page);
}
