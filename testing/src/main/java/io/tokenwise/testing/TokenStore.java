package io.tokenwise.testing;

import io.tokenwise.Provider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The tokens the emulator has issued and not revoked, on the emulator's clock. */
final class TokenStore {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final byte[] signingKey = new byte[32];
  private final Map<String, IssuedToken> live = new ConcurrentHashMap<>();

  TokenStore(Clock clock) {
    this.clock = clock;
    random.nextBytes(signingKey);
  }

  Instant now() {
    return clock.instant();
  }

  /** A random opaque token: 32 bytes, base64url. */
  String opaqueToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** A signed JWT carrying {@code iat} and {@code exp} (epoch seconds), like Papaya's. */
  String jwt(String subject, Instant issuedAt, Instant expiresAt) {
    String header = HttpCall.toJson(HttpCall.object("alg", "HS256", "typ", "JWT"));
    String claims = HttpCall.toJson(HttpCall.object(
        "iss", "tokenwise-emulator",
        "sub", subject,
        "iat", issuedAt.getEpochSecond(),
        "exp", expiresAt.getEpochSecond(),
        "jti", opaqueToken().substring(0, 16)));
    String signingInput = encode(header) + '.' + encode(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + '.' + BASE64URL.encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("HmacSHA256 is in every JDK", e);
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  IssuedToken add(IssuedToken token) {
    live.put(token.value(), token);
    return token;
  }

  /** The token with this value issued by {@code provider}, or null (unknown, revoked, foreign). */
  IssuedToken find(String value, Provider provider) {
    IssuedToken token = live.get(value);
    return token != null && token.provider() == provider ? token : null;
  }

  void revokeAll() {
    live.clear();
  }

  void revoke(Provider provider) {
    live.values().removeIf(token -> token.provider() == provider);
  }

  /** Revokes every token {@code provider} issued to {@code clientId}. */
  void revoke(Provider provider, String clientId) {
    live.values().removeIf(token -> token.provider() == provider
        && token.clientId().equals(clientId));
  }

  /** Revokes the one token with this value; whether it was live. */
  boolean revoke(String value) {
    return live.remove(value) != null;
  }

  /** One issued token; {@code value} is the bearer string. */
  record IssuedToken(String value, Provider provider, String clientId, Set<String> scopes,
      Instant issuedAt, Instant expiresAt) {
    IssuedToken {
      scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "IssuedToken{" + provider + ", expiresAt=" + expiresAt + "}";
    }
  }
}
