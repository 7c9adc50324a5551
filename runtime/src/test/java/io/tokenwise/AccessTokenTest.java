package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.NOW;
import static io.tokenwise.TokenEndpointFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class AccessTokenTest {
  @Test
  void createRejectsAnEmptyTokenAndAnExpiryNotAfterTheRequest() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> AccessToken.create("", NOW, NOW.plusSeconds(60), Set.of()));
    assertEquals("token value is empty: pass the token the provider issued", empty.getMessage());

    IllegalArgumentException expired = assertThrows(IllegalArgumentException.class,
        () -> AccessToken.create(TOKEN, NOW, NOW, Set.of()));
    assertEquals("expiresAt 2024-07-11T07:00:00Z is not after requestedAt 2024-07-11T07:00:00Z:"
        + " pass the instant the token stops being accepted", expired.getMessage());
    assertFalse(expired.getMessage().contains(TOKEN));

    assertEquals("scopes == null", assertThrows(NullPointerException.class,
        () -> AccessToken.create(TOKEN, NOW, NOW.plusSeconds(1), null)).getMessage());
  }

  @Test
  void scopesAreCopiedAndToStringShowsOnlyAFingerprint() {
    Set<String> scopes = new HashSet<>(Set.of("read"));
    AccessToken token = AccessToken.create(TOKEN, NOW, NOW.plusSeconds(60), scopes);
    scopes.add("write");

    assertEquals(Set.of("read"), token.scopes());
    assertTrue(token.fingerprint().matches("sha256:[0-9a-f]{8}"), token.fingerprint());
    assertFalse(token.toString().contains(TOKEN));
    assertTrue(token.toString().contains(token.fingerprint()));
    assertNotEquals(token.fingerprint(),
        AccessToken.create(TOKEN + "x", NOW, NOW.plusSeconds(60), Set.of()).fingerprint());
  }
}
