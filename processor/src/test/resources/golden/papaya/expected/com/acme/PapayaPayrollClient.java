package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PapayaPayroll}: its calls carry a self-refreshing Papaya Global
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PapayaPayrollClient extends GeneratedClient<PapayaPayroll> {
  private PapayaPayrollClient() {
  }

  /**
   * A ready {@link PapayaPayroll} that authenticates with {@code credentials}.
   */
  public static PapayaPayroll create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static PapayaPayrollClient.Builder builder() {
    return newBuilder(PapayaPayroll.class, Provider.PAPAYA_GLOBAL, Env.SANDBOX,
        AuthStyle.JSON_API_KEY, null, "https://api.staging.papaya.example/v1/");
  }
}
