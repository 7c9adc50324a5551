package com.acme;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link MangopayUsers}: a Retrofit service whose calls carry a
 * self-refreshing Mangopay access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class MangopayUsersClient {
  private MangopayUsersClient() {
  }

  /**
   * A ready {@link MangopayUsers} that authenticates with {@code credentials}.
   */
  public static MangopayUsers create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link MangopayUsers} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link MangopayUsers}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<MangopayUsers, Builder> {
    private Builder() {
      // The @TokenEndpoint as checked at compile time: provider, env, auth style,
      // token URL and base URL (null: the provider's own), scopes.
      super(MangopayUsers.class, Provider.MANGOPAY, Env.SANDBOX, AuthStyle.CLIENT_SECRET_BASIC,
          null, null);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
