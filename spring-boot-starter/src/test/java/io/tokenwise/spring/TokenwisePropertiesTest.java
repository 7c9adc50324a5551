package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwise.Env;
import org.junit.jupiter.api.Test;

/** Properties print no credentials: a debug print of the configuration is not a leak. */
class TokenwisePropertiesTest {
  @Test
  void aClientsToStringSaysWhetherCredentialsAreSetNotWhatTheyAre() {
    TokenwiseProperties.Client client = new TokenwiseProperties.Client();
    client.setClientId("id-4711");
    client.setClientSecret("secret-0815");
    client.setEnv(Env.PRODUCTION);
    assertThat(client.toString()).isEqualTo("Client{env=PRODUCTION, baseUrl=null, tokenUrl=null,"
        + " clientId=set, clientSecret=set}");
  }
}
