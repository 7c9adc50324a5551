package io.tokenwise.benchmarks;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * The API of comparisons 5 and 6: one small JSON read. The processor generates {@code
 * LedgerApiClient}; the URLs are overridden at run time with the local server's.
 */
@TokenEndpoint(provider = Provider.CUSTOM, authStyle = AuthStyle.CLIENT_SECRET_POST,
    tokenUrl = "http://127.0.0.1/oauth2/token", baseUrl = "http://127.0.0.1/v1/")
public interface LedgerApi {
  /** One account's balance. */
  @GET("balances/{account}")
  Call<Balance> balance(@Path("account") String account);

  /** The JSON body. */
  final class Balance {
    public String account;
    public String currency;
    public String amount;
  }
}
