package io.tokenwise.redis;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * The API the fleet test's processes call, through the client tokenwise-processor generates
 * ({@code FleetApiClient}). The URLs are overridden with those of a {@code ProviderEmulator}'s
 * CUSTOM provider (tokenwise-testing).
 */
@TokenEndpoint(provider = Provider.CUSTOM, authStyle = AuthStyle.CLIENT_SECRET_POST,
    tokenUrl = "http://127.0.0.1/oauth/token", baseUrl = "http://127.0.0.1/api/")
public interface FleetApi {
  @GET("balance")
  Call<ResponseBody> balance();
}
