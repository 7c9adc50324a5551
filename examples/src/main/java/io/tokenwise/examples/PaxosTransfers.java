package io.tokenwise.examples;

import com.squareup.moshi.Json;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Three Paxos v2 operations and the two scopes they need: the processor checks each path against
 * the Paxos operation table, so dropping {@code funding:read_profile} is a compile error on
 * {@link #profile}.
 */
@TokenEndpoint(provider = Provider.PAXOS,
    scopes = {"transfer:read_transfer", "funding:read_profile"})
public interface PaxosTransfers {
  /** {@code ListTransfers}: needs {@code transfer:read_transfer}. */
  @GET("transfer/transfers")
  Call<TransferPage> transfers(@Query("limit") int limit);

  /** {@code GetProfile}: needs {@code funding:read_profile}. */
  @GET("profiles/{profile_id}")
  Call<Profile> profile(@Path("profile_id") String profileId);

  /** {@code ListProfileBalances}: needs {@code funding:read_profile}. */
  @GET("profiles/{profile_id}/balances")
  Call<BalancePage> balances(@Path("profile_id") String profileId);

  /** A page of transfers. */
  record TransferPage(List<Transfer> items) {}

  /** A transfer, with the fields the examples read. */
  record Transfer(String id, @Json(name = "profile_id") String profileId, String amount,
      String asset, String direction, String status) {}

  /** A profile. */
  record Profile(String id, String nickname, String type) {}

  /** A page of balances. */
  record BalancePage(List<Balance> items) {}

  /** One asset's balance. */
  record Balance(String asset, String available, String trading) {}
}
