package io.tokenwise.examples;

import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Payments as the {@link io.tokenwise.testing.ProviderEmulator} serves them; take the
 * real paths from Paysway's API reference.
 */
@TokenEndpoint(provider = Provider.PAYSWAY)
public interface PayswayPayments {
  /** One payment. */
  @GET("payments/{id}")
  Call<Payment> payment(@Path("id") String id);

  /** The latest payments. */
  @GET("payments")
  Call<PaymentList> payments(@Query("limit") int limit);

  /** A payment. */
  record Payment(String id, String amount, String currency, String status) {}

  /** A list of payments. */
  record PaymentList(List<Payment> data) {}
}
