package io.tokenwise.examples.boot;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With profile {@code emulator}: starts the provider emulator on loopback and points the clients
 * at it, with its credentials, before any bean exists. Not part of an application you copy:
 * there, application.yml's environment variables give the real credentials.
 */
public final class EmulatorProfile
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!context.getEnvironment().acceptsProfiles(Profiles.of("emulator"))) {
      return;
    }
    ProviderEmulator emulator = ProviderEmulator.start();
    Map<String, Object> properties = new LinkedHashMap<>();
    String paxos = "tokenwise.clients.treasury-transfers.";
    properties.put(paxos + "client-id", emulator.credentials(Provider.PAXOS).clientId());
    properties.put(paxos + "client-secret", emulator.credentials(Provider.PAXOS).secret());
    properties.put(paxos + "token-url", emulator.tokenUrl(Provider.PAXOS));
    properties.put(paxos + "base-url", emulator.baseUrl(Provider.PAXOS));
    String mangopay = "tokenwise.providers.mangopay.";
    properties.put(mangopay + "client-id", emulator.credentials(Provider.MANGOPAY).clientId());
    properties.put(mangopay + "client-secret", emulator.credentials(Provider.MANGOPAY).secret());
    properties.put(mangopay + "token-url", emulator.tokenUrl(Provider.MANGOPAY));
    properties.put(mangopay + "base-url", emulator.baseUrl(Provider.MANGOPAY));
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("tokenwise-emulator", properties));
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) event -> emulator.close());
  }
}
