package com.acme;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;

/** A package-private interface nested in a class: its client is package-private too. */
public final class Banking {
  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface Accounts {
    @GET("v1/accounts")
    Call<String> accounts();
  }

  private Banking() {}
}
