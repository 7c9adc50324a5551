package com.acme;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import javax.annotation.processing.Generated;

/**
 * The Tokenwise client of {@link LedgerApi}: a Retrofit service whose calls carry a
 * self-refreshing CUSTOM provider access token. Generated from the interface's
 * {@code @TokenEndpoint}; settings given to {@link #builder()} override the annotation's.
 */
@Generated("io.tokenwise.processor.TokenwiseProcessor")
public final class LedgerApiClient {
  private LedgerApiClient() {
  }

  /**
   * A ready {@link LedgerApi} that authenticates with {@code credentials}.
   */
  public static LedgerApi create(ClientCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  /**
   * A builder for a {@link LedgerApi} with settings other than the annotation's.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link LedgerApi}; see {@code io.tokenwise.ClientBuilder} for the settings.
   */
  public static final class Builder extends ClientBuilder<LedgerApi, Builder> {
    private Builder() {
      super(LedgerApi.class);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
