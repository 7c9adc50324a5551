package com.acme;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;

/** Compiled with jakarta.inject on the class path: the client is also a Provider. */
@TokenEndpoint(provider = Provider.PAXOS, scopes = "transfer:read_transfer")
public interface InjectedTransfers {
  @GET("transfer/transfers")
  Call<String> transfers();
}
