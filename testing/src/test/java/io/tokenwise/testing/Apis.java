package io.tokenwise.testing;

import io.tokenwise.AuthStyle;
import io.tokenwise.ClientBuilder;
import io.tokenwise.Provider;
import io.tokenwise.RequiresScopes;
import io.tokenwise.TokenCache;
import io.tokenwise.TokenEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** One annotated interface per provider (nested, as users may write them) and their calls. */
final class Apis {
  @TokenEndpoint(provider = Provider.PAXOS,
      scopes = {"transfer:read_transfer", "funding:read_profile"})
  interface Paxos {
    @GET("profiles/{profile_id}")
    Call<Map<String, Object>> profile(@Path("profile_id") String id);
  }

  @TokenEndpoint(provider = Provider.MANGOPAY)
  interface Mangopay {
    @GET("users/{id}")
    Call<Map<String, Object>> user(@Path("id") String id);
  }

  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface Paysway {
    @GET("payments/{id}")
    Call<Map<String, Object>> payment(@Path("id") String id);
  }

  @TokenEndpoint(provider = Provider.PAPAYA_GLOBAL)
  interface Papaya {
    @GET("workers/{id}")
    Call<Map<String, Object>> worker(@Path("id") String id);
  }

  /** client_secret_basic, with scopes, and a base path the emulator keeps. */
  @TokenEndpoint(provider = Provider.CUSTOM,
      tokenUrl = "https://auth.ledger.example/oauth2/token",
      baseUrl = "https://api.ledger.example/v3/",
      authStyle = AuthStyle.CLIENT_SECRET_BASIC,
      scopes = {"ledger.read", "ledger.write"})
  interface CustomBasic {
    @RequiresScopes("ledger.read")
    @GET("entries/{id}")
    Call<Map<String, Object>> entry(@Path("id") String id);
  }

  /** client_secret_post, without scopes. */
  @TokenEndpoint(provider = Provider.CUSTOM,
      tokenUrl = "https://auth.ledger.example/oauth2/token",
      baseUrl = "https://api.ledger.example/",
      authStyle = AuthStyle.CLIENT_SECRET_POST)
  interface CustomPost {
    @GET("entries/{id}")
    Call<Map<String, Object>> entry(@Path("id") String id);
  }

  /** The interface of each provider; CUSTOM's is client_secret_basic. */
  static Class<?> api(Provider provider) {
    return switch (provider) {
      case PAXOS -> Paxos.class;
      case MANGOPAY -> Mangopay.class;
      case PAYSWAY -> Paysway.class;
      case PAPAYA_GLOBAL -> Papaya.class;
      case CUSTOM -> CustomBasic.class;
    };
  }

  /** The path after the base URL that {@link #calls} asks for. */
  static String resource(Provider provider) {
    return switch (provider) {
      case PAXOS -> "profiles/p-1";
      case MANGOPAY -> "users/42";
      case PAYSWAY -> "payments/pay_1";
      case PAPAYA_GLOBAL -> "workers/w-1";
      case CUSTOM -> "entries/e-1";
    };
  }

  /**
   * A client of {@code provider} configured by the emulator, on a brisk cache of the emulator's
   * clock (no pause between token requests, retries at once); each {@code get()} is one call.
   */
  static Supplier<Call<Map<String, Object>>> calls(ProviderEmulator emulator, Provider provider) {
    return calls(emulator, provider, TokenCache.builder()
        .clock(emulator.clock())
        .minRequestInterval(Duration.ZERO)
        .maxBackoff(Duration.ofMillis(1))
        .forcedRefreshInterval(Duration.ZERO)
        .build());
  }

  /** As {@link #calls(ProviderEmulator, Provider)}, on {@code cache}. */
  static Supplier<Call<Map<String, Object>>> calls(ProviderEmulator emulator, Provider provider,
      TokenCache cache) {
    ClientBuilder<?, ?> builder = emulator.builder(api(provider));
    builder.tokenCache(cache);
    Object client = builder.build();
    return switch (provider) {
      case PAXOS -> () -> ((Paxos) client).profile("p-1");
      case MANGOPAY -> () -> ((Mangopay) client).user("42");
      case PAYSWAY -> () -> ((Paysway) client).payment("pay_1");
      case PAPAYA_GLOBAL -> () -> ((Papaya) client).worker("w-1");
      case CUSTOM -> () -> ((CustomBasic) client).entry("e-1");
    };
  }

  private Apis() {}
}
