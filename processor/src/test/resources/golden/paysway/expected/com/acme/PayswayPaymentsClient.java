package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link PayswayPayments}: its calls carry a self-refreshing Paysway
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class PayswayPaymentsClient extends GeneratedClient<PayswayPayments> {
  private PayswayPaymentsClient() {
  }

  /**
   * A ready {@link PayswayPayments} that authenticates with {@code credentials}.
   */
  public static PayswayPayments create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static PayswayPaymentsClient.Builder builder() {
    return newBuilder(PayswayPayments.class, Provider.PAYSWAY, Env.PRODUCTION,
        AuthStyle.CLIENT_SECRET_POST, null, null);
  }
}
