package com.example.payouts;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The user's Paxos interface. */
@TokenEndpoint(provider = Provider.PAXOS, scopes = {"transfer:read_transfer"})
public interface PaxosTransfers {
  @GET("transfer/transfers")
  Call<TransferPage> transfers(@Query("limit") int limit);

  /** A page of transfers. */
  record TransferPage(List<Transfer> items) {}

  /** A transfer. */
  record Transfer(String id, String amount, String asset) {}
}
