package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PapayaPayroll}: a Retrofit service whose calls carry a
 * self-refreshing Papaya Global access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PapayaPayrollClient {
  private PapayaPayrollClient() {
  }

  /**
   * A ready {@link PapayaPayroll} that authenticates with {@code credentials}.
   */
  public static PapayaPayroll create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link PapayaPayroll} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PapayaPayroll}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<PapayaPayroll, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(PapayaPayroll.class, Provider.PAPAYA_GLOBAL, Env.SANDBOX, AuthStyle.JSON_API_KEY,
          null, "https://api.staging.papaya.example/v1/");
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
