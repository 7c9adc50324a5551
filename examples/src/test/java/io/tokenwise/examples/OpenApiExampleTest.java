package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Tokenwise;
import org.junit.jupiter.api.Test;

/**
 * {@link Auth0Users} was checked against {@code src/main/resources/openapi/auth0-users.yaml} by
 * this module's Maven build, and the libraries that read the document stayed on the processor
 * path. No call leaves the JVM: {@code request()} only builds the request.
 */
final class OpenApiExampleTest {
  @Test
  void interfaceCheckedAgainstItsDocumentGotItsClient() {
    Auth0Users users = Tokenwise.create(Auth0Users.class, ClientCredentials.of("id-1", "secret-1"));

    assertEquals("https://your-tenant.auth0.com/api/v2/users/auth0%7C42/roles",
        users.roles("auth0|42").request().url().toString());
  }

  @Test
  void documentParsersAreNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.snakeyaml.engine.v2.api.Load"));
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("tools.jackson.core.json.JsonFactory"));
  }
}
