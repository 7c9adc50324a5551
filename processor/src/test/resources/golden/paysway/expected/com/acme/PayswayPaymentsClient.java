package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PayswayPayments}: a Retrofit service whose calls carry a
 * self-refreshing Paysway access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PayswayPaymentsClient {
  private PayswayPaymentsClient() {
  }

  /**
   * A ready {@link PayswayPayments} that authenticates with {@code credentials}.
   */
  public static PayswayPayments create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link PayswayPayments} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PayswayPayments}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<PayswayPayments, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(PayswayPayments.class, Provider.PAYSWAY, Env.PRODUCTION, AuthStyle.CLIENT_SECRET_POST,
          null, null);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
