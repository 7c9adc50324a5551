package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.GeneratedClient;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link MangopayUsers}: its calls carry a self-refreshing Mangopay
 * access token. Settings given to {@link #builder()} override the {@code @TokenEndpoint}'s.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class MangopayUsersClient extends GeneratedClient<MangopayUsers> {
  private MangopayUsersClient() {
  }

  /**
   * A ready {@link MangopayUsers} that authenticates with {@code credentials}.
   */
  public static MangopayUsers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder that starts from the {@code @TokenEndpoint} as checked at compile time.
   */
  public static MangopayUsersClient.Builder builder() {
    return newBuilder(MangopayUsers.class, Provider.MANGOPAY, Env.SANDBOX,
        AuthStyle.CLIENT_SECRET_BASIC, null, null);
  }
}
