package io.tokenwise.internal;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import io.tokenwise.internal.ProviderSpec.ErrorField;
import io.tokenwise.internal.ProviderSpec.Scopes;
import io.tokenwise.internal.ProviderSpec.Wire;

/**
 * One definition per provider, as data both the runtime and the processor read (docs/DESIGN.md,
 * "A provider"). A new {@link Provider} constant fails to compile here until it has its own.
 */
public final class ProviderCatalog {
  private static final ProviderSpec PAXOS = ProviderSpec.define(Provider.PAXOS, "Paxos")
      .tokenUrls("https://oauth.sandbox.paxos.com/oauth2/token",
          "https://oauth.paxos.com/oauth2/token")
      .baseUrls("https://api.sandbox.paxos.com/v2/", "https://api.paxos.com/v2/")
      .authStyle(AuthStyle.CLIENT_SECRET_POST)
      .scopes(Scopes.REQUIRED)
      .apiVersion("v2")
      .operationTable(OperationTable.lazy(PaxosCatalog::get))
      .credentialVariables("PAXOS_CLIENT_ID", "PAXOS_CLIENT_SECRET")
      // It throttles an IP for 5 minutes past about one token request per second.
      .fleetSingleFlight()
      .build();

  private static final ProviderSpec MANGOPAY = ProviderSpec.define(Provider.MANGOPAY, "Mangopay")
      .tokenUrls("https://api.sandbox.mangopay.com/v2.01/oauth/token",
          "https://api.mangopay.com/v2.01/oauth/token")
      .baseUrls("https://api.sandbox.mangopay.com/v2.01/{clientId}/",
          "https://api.mangopay.com/v2.01/{clientId}/")
      .authStyle(AuthStyle.CLIENT_SECRET_BASIC)
      .credentialVariables("MANGOPAY_CLIENT_ID", "MANGOPAY_API_KEY")
      // Basic over the raw ClientId:ApiKey; a 401 "PendingUserAction" is strong customer auth.
      .wire(new Wire(true, ErrorField.CODE, "PendingUserAction"))
      // It rate-limits token requests with 429s.
      .fleetSingleFlight()
      .build();

  private static final ProviderSpec PAYSWAY = ProviderSpec.define(Provider.PAYSWAY, "Paysway")
      .tokenUrls("https://api.paysway.dev/oauth2/token", "https://api.paysway.io/oauth2/token")
      .baseUrls("https://api.paysway.dev/", "https://api.paysway.io/")
      .authStyle(AuthStyle.CLIENT_SECRET_POST)
      .credentialVariables("PAYSWAY_CLIENT_ID", "PAYSWAY_CLIENT_SECRET")
      .build();

  // Papaya publishes only its staging token host; nothing else is invented.
  private static final ProviderSpec PAPAYA_GLOBAL =
      ProviderSpec.define(Provider.PAPAYA_GLOBAL, "Papaya Global")
          .tokenUrls("https://authentication-service.staging.pay.papayaglobal.work/token", null)
          .authStyle(AuthStyle.JSON_API_KEY)
          .credentialVariables("PAPAYA_API_KEY", "PAPAYA_CLIENT_SECRET")
          // Its error bodies are {"error": "<a message>"}.
          .wire(new Wire(false, ErrorField.MESSAGE, null))
          .build();

  // Any OAuth2 server: no URLs and no style of its own, so both must be given.
  private static final ProviderSpec CUSTOM =
      ProviderSpec.define(Provider.CUSTOM, "CUSTOM provider")
          .scopes(Scopes.OPTIONAL)
          .credentialVariables("TOKENWISE_CLIENT_ID", "TOKENWISE_CLIENT_SECRET")
          // An unknown server may revoke the previous token when it issues a new one.
          .fleetSingleFlight()
          .build();

  /** The definition of {@code provider}. */
  public static ProviderSpec spec(Provider provider) {
    return switch (provider) {
      case PAXOS -> PAXOS;
      case MANGOPAY -> MANGOPAY;
      case PAYSWAY -> PAYSWAY;
      case PAPAYA_GLOBAL -> PAPAYA_GLOBAL;
      case CUSTOM -> CUSTOM;
    };
  }

  private ProviderCatalog() {}
}
