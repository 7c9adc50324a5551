package io.tokenwise.spring;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place these tests reach the provider emulator: one emulator for the test JVM, and the
 * {@code tokenwise.*} properties that point the example clients at it. Paxos is configured per
 * client, Mangopay through its provider defaults.
 */
final class Emulator {
  static final ProviderEmulator EMULATOR = ProviderEmulator.start();

  private Emulator() {}

  /** What an application.yml pointing at the emulator says, flattened. */
  static Map<String, String> properties() {
    ClientCredentials paxos = EMULATOR.credentials(Provider.PAXOS);
    ClientCredentials mangopay = EMULATOR.credentials(Provider.MANGOPAY);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tokenwise.clients.paxos-transfers.client-id", paxos.clientId());
    properties.put("tokenwise.clients.paxos-transfers.client-secret", paxos.secret());
    properties.put("tokenwise.clients.paxos-transfers.token-url",
        EMULATOR.tokenUrl(Provider.PAXOS));
    properties.put("tokenwise.clients.paxos-transfers.base-url", EMULATOR.baseUrl(Provider.PAXOS));
    properties.put("tokenwise.providers.mangopay.client-id", mangopay.clientId());
    properties.put("tokenwise.providers.mangopay.client-secret", mangopay.secret());
    properties.put("tokenwise.providers.mangopay.token-url",
        EMULATOR.tokenUrl(Provider.MANGOPAY));
    properties.put("tokenwise.providers.mangopay.base-url", EMULATOR.baseUrl(Provider.MANGOPAY));
    return properties;
  }

  /** {@link #properties()} as {@code key=value} pairs, for context runners. */
  static String[] pairs() {
    return properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** Every secret the emulator knows: none may show in meters, health or messages. */
  static String[] secrets() {
    return new String[] {EMULATOR.credentials(Provider.PAXOS).secret(),
        EMULATOR.credentials(Provider.PAXOS).clientId(),
        EMULATOR.credentials(Provider.MANGOPAY).secret(),
        EMULATOR.credentials(Provider.MANGOPAY).clientId()};
  }
}
