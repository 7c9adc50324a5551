package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ClientCredentialsTest {
  @Test
  void ofRejectsNullWithTheParameterName() {
    assertEquals("clientId == null",
        assertThrows(NullPointerException.class, () -> ClientCredentials.of(null, "s")).getMessage());
    assertEquals("secret == null",
        assertThrows(NullPointerException.class, () -> ClientCredentials.of("id", null)).getMessage());
  }

  @Test
  void ofRejectsEmptyOrBlankSayingWhatToPass() {
    for (String empty : List.of("", " ", "\n")) {
      IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
          () -> ClientCredentials.of(empty, "s3cret"));
      assertTrue(id.getMessage().startsWith("clientId is empty"), id.getMessage());
      assertTrue(id.getMessage().contains("pass the client id the provider issued"), id.getMessage());
      IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
          () -> ClientCredentials.of("acme", empty));
      assertTrue(secret.getMessage().startsWith("secret is empty"), secret.getMessage());
      assertTrue(secret.getMessage().contains("pass the secret the provider issued"),
          secret.getMessage());
    }
  }

  @Test
  void ofKeepsTheSecretExactly() {
    ClientCredentials credentials =
        ClientCredentials.of(TokenEndpointFixture.CLIENT_ID, TokenEndpointFixture.SECRET);
    assertEquals(TokenEndpointFixture.CLIENT_ID, credentials.clientId());
    assertEquals(TokenEndpointFixture.SECRET, credentials.secret());
  }

  @ParameterizedTest(name = "{0}: {1} / {2}")
  @CsvSource({
      "PAXOS, PAXOS_CLIENT_ID, PAXOS_CLIENT_SECRET",
      "MANGOPAY, MANGOPAY_CLIENT_ID, MANGOPAY_API_KEY",
      "PAYSWAY, PAYSWAY_CLIENT_ID, PAYSWAY_CLIENT_SECRET",
      "PAPAYA_GLOBAL, PAPAYA_API_KEY, PAPAYA_CLIENT_SECRET",
      "CUSTOM, TOKENWISE_CLIENT_ID, TOKENWISE_CLIENT_SECRET",
  })
  void fromEnvironmentReadsTheProvidersOwnVariableNames(
      Provider provider, String idVariable, String secretVariable) {
    Map<String, String> environment = new HashMap<>();
    environment.put(idVariable, "acme-id");
    environment.put(secretVariable, "s3cr+t \u00e9\n"); // a trailing newline from a file
    List<String> asked = new ArrayList<>();
    UnaryOperator<String> lookup = name -> {
      asked.add(name);
      return environment.get(name);
    };

    ClientCredentials credentials = ClientCredentials.fromEnvironment(provider, lookup);

    assertEquals(List.of(idVariable, secretVariable), asked);
    assertEquals(ClientCredentials.of("acme-id", "s3cr+t \u00e9"), credentials);
  }

  @ParameterizedTest(name = "{0}: {1} / {2}")
  @CsvSource({
      "PAXOS, PAXOS_CLIENT_ID, PAXOS_CLIENT_SECRET",
      "MANGOPAY, MANGOPAY_CLIENT_ID, MANGOPAY_API_KEY",
      "PAYSWAY, PAYSWAY_CLIENT_ID, PAYSWAY_CLIENT_SECRET",
      "PAPAYA_GLOBAL, PAPAYA_API_KEY, PAPAYA_CLIENT_SECRET",
  })
  void missingOrEmptyVariableIsAnErrorNamingIt(
      Provider provider, String idVariable, String secretVariable) {
    IllegalStateException missingId = assertThrows(IllegalStateException.class,
        () -> ClientCredentials.fromEnvironment(provider, Map.of(secretVariable, "s3cret")::get));
    assertEquals("Environment variable " + idVariable + " is not set: set it to your " + provider
        + " credentials, or pass them with ClientCredentials.of(clientId, secret)",
        missingId.getMessage());

    IllegalStateException missingSecret = assertThrows(IllegalStateException.class,
        () -> ClientCredentials.fromEnvironment(provider, Map.of(idVariable, "acme-id")::get));
    assertTrue(missingSecret.getMessage().startsWith(
        "Environment variable " + secretVariable + " is not set"), missingSecret.getMessage());

    for (String empty : List.of("", "  ")) {
      IllegalStateException emptySecret = assertThrows(IllegalStateException.class,
          () -> ClientCredentials.fromEnvironment(provider,
              Map.of(idVariable, "acme-id", secretVariable, empty)::get));
      assertTrue(emptySecret.getMessage().startsWith(
          "Environment variable " + secretVariable + " is empty"), emptySecret.getMessage());
      assertFalse(emptySecret.getMessage().contains("acme-id"), emptySecret.getMessage());
    }
  }

  @Test
  void fromEnvironmentNeedsAProvider() {
    assertEquals("provider == null", assertThrows(NullPointerException.class,
        () -> ClientCredentials.fromEnvironment(null, name -> "x")).getMessage());
  }

  @Test
  void toStringShowsOnlyAFingerprintThatTellsSecretsApart() {
    ClientCredentials one = ClientCredentials.of("acme-client-Zx9", "s3cret-one");
    ClientCredentials two = ClientCredentials.of("acme-client-Zx9", "s3cret-two");

    assertTrue(one.toString().matches("ClientCredentials\\{fingerprint=sha256:[0-9a-f]{8}}"),
        one.toString());
    assertFalse(one.toString().contains("acme-client-Zx9"));
    assertFalse(one.toString().contains("s3cret"));
    assertNotEquals(one.fingerprint(), two.fingerprint());
    assertNotEquals(one, two);
    assertEquals(one, ClientCredentials.of("acme-client-Zx9", "s3cret-one"));
    assertEquals(one.hashCode(), ClientCredentials.of("acme-client-Zx9", "s3cret-one").hashCode());
  }
}
