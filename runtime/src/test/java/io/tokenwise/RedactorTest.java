package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.CLIENT_ID;
import static io.tokenwise.TokenEndpointFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class RedactorTest {
  private final Redactor redactor = new Redactor(SECRET, CLIENT_ID);

  @Test
  void masksTheSecretInEveryEncodingAnErrorPageEchoesIt() {
    assertEquals("a [redacted] b", redactor.mask("a " + SECRET + " b"));
    assertEquals("a [redacted] b",
        redactor.mask("a s3cr%2Bt%26x%3D1%25%2F+%22q%5C%3A%C3%A9%E6%BC%A2 b"));
    assertEquals("a [redacted] b",
        redactor.mask("a s3cr%2bt%26x%3d1%25%2f%20%22q%5c%3a%c3%a9%e6%bc%a2 b"));
    assertEquals("a [redacted] b", redactor.mask("a s3cr+t&x=1%/ \\\"q\\\\:\u00e9\u6f22 b"));
    assertEquals("a [redacted] b", redactor.mask("a s3cr+t&x=1%\\/ \\\"q\\\\:\\u00E9\\u6F22 b"));
    assertEquals("client [redacted]", redactor.mask("client " + CLIENT_ID));
  }

  @Test
  void masksTokenFieldsAndRandomRunsButKeepsErrorCodesAndWords() {
    assertEquals("{\"access_token\":\"[redacted]\",\"token_type\":\"mac\"}",
        redactor.mask("{\"access_token\":\"2YotnFZ\",\"token_type\":\"mac\"}"));
    // Cut short inside the value: masked to the end.
    assertEquals("{\"accessToken\" : \"[redacted]", redactor.mask("{\"accessToken\" : \"a\\\"b c"));
    assertEquals("{\"access_token\":\"\"}", redactor.mask("{\"access_token\":\"\"}"));
    assertEquals("bearer [redacted]",
        redactor.mask("bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MjA2ODQ4MDB9.c2lnbmF0dXJl"));
    assertEquals("AUTH_INVALID_CLIENT_CREDENTIALS for application/x-www-form-urlencoded",
        redactor.mask("AUTH_INVALID_CLIENT_CREDENTIALS for application/x-www-form-urlencoded"));
    assertEquals("token [redacted] revoked", redactor.mask("token 2YotnFZFEjr1zCsicMWpAA revoked"));
    assertEquals("rewards:write_payout_groups at 2024-07-11T07:48:54Z",
        redactor.mask("rewards:write_payout_groups at 2024-07-11T07:48:54Z"));
    assertEquals("line one line two", redactor.mask("line one\nline two"));
  }

  @Test
  void excerptIsCutAfterMasking() {
    String excerpt = redactor.excerpt("x".repeat(195) + SECRET + "y".repeat(100));
    assertEquals("x".repeat(195) + "[reda…(305 chars)", excerpt);
  }

  @Test
  void withAddsAnotherSecret() {
    assertEquals("[redacted] and [redacted]", redactor.with("2YotnFZ").mask("2YotnFZ and " + SECRET));
  }

  @Test
  void ignoresSecretsTooShortToMaskSafely() {
    assertEquals("abc is short", new Redactor("abc", null).mask("abc is short"));
  }
}
