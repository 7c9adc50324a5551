package com.acme;

import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

@TokenEndpoint(provider = Provider.PAXOS, env = Env.SANDBOX,
    scopes = {"transfer:read_transfer", "funding:read_profile"})
public interface PaxosTransfers {
  @GET("transfer/transfers")
  Call<String> transfers(@Query("limit") int limit);

  @GET("profiles/{id}")
  Call<String> profile(@Path("id") String id);
}
