package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import io.tokenwise.RequiresScopes;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Path;

@TokenEndpoint(provider = Provider.CUSTOM,
    tokenUrl = "https://auth.ledger.example/oauth2/token",
    baseUrl = "https://api.ledger.example/v3/",
    authStyle = AuthStyle.CLIENT_SECRET_BASIC,
    scopes = {"ledger.read", "ledger.write"})
public interface LedgerApi {
  @RequiresScopes("ledger.read")
  @GET("entries/{entryId}")
  Call<String> entry(@Path("entryId") String entryId);

  @RequiresScopes({"ledger.read", "ledger.write"})
  @DELETE("entries/{entryId}")
  Call<Void> deleteEntry(@Path("entryId") String entryId);
}
