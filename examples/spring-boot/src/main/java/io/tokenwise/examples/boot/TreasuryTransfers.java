package io.tokenwise.examples.boot;

import com.squareup.moshi.Json;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Paxos transfers, as the treasury team reads them. Its bean is {@code treasuryTransfers}; its
 * settings are {@code tokenwise.clients.treasury-transfers.*}.
 */
@TokenEndpoint(provider = Provider.PAXOS, scopes = "transfer:read_transfer")
public interface TreasuryTransfers {
  /** {@code ListTransfers}: needs {@code transfer:read_transfer}. */
  @GET("transfer/transfers")
  Call<Page> transfers(@Query("limit") int limit);

  /** A page of transfers. */
  record Page(List<Transfer> items) {}

  /** A transfer. */
  record Transfer(String id, @Json(name = "profile_id") String profileId, String amount,
      String asset, String status) {}
}
