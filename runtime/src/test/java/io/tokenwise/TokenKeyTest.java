package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Keys tell credentials apart at full strength; the short fingerprint is for display only. */
final class TokenKeyTest {
  private static final HttpUrl TOKEN_URL = HttpUrl.get("https://127.0.0.1/oauth2/token");

  /**
   * Two secrets of {@code clientId} whose 4-byte display fingerprints collide, found by a
   * birthday search (about 80,000 tries on average, as an attacker would).
   */
  static List<String> secretsWithCollidingFingerprints(String clientId) {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < 2_000_000; i++) {
      String secret = "s3cret-" + i;
      String other = seen.putIfAbsent(ClientCredentials.of(clientId, secret).fingerprint(), secret);
      if (other != null) {
        return List.of(other, secret);
      }
    }
    throw new AssertionError("no collision in 2,000,000 tries");
  }

  private static TokenKey key(ClientCredentials credentials) {
    return new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST, TOKEN_URL, credentials,
        List.of("transfer:read_transfer"), null, null).key();
  }

  @Test
  void secretsWhoseFingerprintsCollideMakeDifferentKeys() {
    List<String> secrets = secretsWithCollidingFingerprints("client-1");
    ClientCredentials right = ClientCredentials.of("client-1", secrets.get(0));
    ClientCredentials wrong = ClientCredentials.of("client-1", secrets.get(1));
    assertEquals(right.fingerprint(), wrong.fingerprint(), "the search found a collision");

    assertNotEquals(key(right), key(wrong));
    assertEquals(key(right), key(ClientCredentials.of("client-1", secrets.get(0))));
    assertEquals(key(right).hashCode(), key(ClientCredentials.of("client-1", secrets.get(0)))
        .hashCode());
  }

  @Test
  void idAndSecretAreDigestedApart() {
    // The same bytes split differently are different credentials.
    assertNotEquals(key(ClientCredentials.of("client-1a", "bcdef")),
        key(ClientCredentials.of("client-1", "abcdef")));
  }

  @Test
  void keyShowsNeitherIdNorSecretNorDigest() {
    ClientCredentials credentials = ClientCredentials.of("client-id-Zx9", "s3cret-s3cret-Zx9");
    TokenKey key = key(credentials);
    String shown = key + " " + key.credentials() + " " + key.fingerprint();
    assertFalse(shown.contains("client-id-Zx9"), shown);
    assertFalse(shown.contains("s3cret-s3cret-Zx9"), shown);
    assertEquals("CredentialsDigest{fingerprint=" + credentials.fingerprint() + "}",
        key.credentials().toString());
  }
}
