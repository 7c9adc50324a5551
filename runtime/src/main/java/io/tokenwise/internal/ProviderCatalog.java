package io.tokenwise.internal;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import java.util.EnumMap;
import java.util.Map;

/** The provider table of DESIGN.md, as data both the runtime and the processor read. */
public final class ProviderCatalog {
  private static final Map<Provider, ProviderSpec> SPECS = new EnumMap<>(Provider.class);

  static {
    add(new ProviderSpec(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST, true,
        "https://oauth.sandbox.paxos.com/oauth2/token",
        "https://oauth.paxos.com/oauth2/token",
        "https://api.sandbox.paxos.com/v2/",
        "https://api.paxos.com/v2/",
        "PAXOS_CLIENT_ID", "PAXOS_CLIENT_SECRET"));
    add(new ProviderSpec(Provider.MANGOPAY, AuthStyle.CLIENT_SECRET_BASIC, false,
        "https://api.sandbox.mangopay.com/v2.01/oauth/token",
        "https://api.mangopay.com/v2.01/oauth/token",
        "https://api.sandbox.mangopay.com/v2.01/{clientId}/",
        "https://api.mangopay.com/v2.01/{clientId}/",
        "MANGOPAY_CLIENT_ID", "MANGOPAY_API_KEY"));
    add(new ProviderSpec(Provider.PAYSWAY, AuthStyle.CLIENT_SECRET_POST, false,
        "https://api.paysway.dev/oauth2/token",
        "https://api.paysway.io/oauth2/token",
        "https://api.paysway.dev/",
        "https://api.paysway.io/",
        "PAYSWAY_CLIENT_ID", "PAYSWAY_CLIENT_SECRET"));
    // Papaya publishes only its staging token host; nothing else is invented.
    add(new ProviderSpec(Provider.PAPAYA_GLOBAL, AuthStyle.JSON_API_KEY, false,
        "https://authentication-service.staging.pay.papayaglobal.work/token",
        null,
        null,
        null,
        "PAPAYA_API_KEY", "PAPAYA_CLIENT_SECRET"));
    // CUSTOM has no URLs and no style of its own: both must be given.
    add(new ProviderSpec(Provider.CUSTOM, AuthStyle.DEFAULT, true,
        null, null, null, null,
        "TOKENWISE_CLIENT_ID", "TOKENWISE_CLIENT_SECRET"));
  }

  private static void add(ProviderSpec spec) {
    SPECS.put(spec.provider(), spec);
  }

  /** The catalog entry of {@code provider}. */
  public static ProviderSpec spec(Provider provider) {
    return SPECS.get(provider);
  }

  private ProviderCatalog() {}
}
