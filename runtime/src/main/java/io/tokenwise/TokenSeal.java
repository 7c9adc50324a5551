package io.tokenwise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What makes a shared store unreadable to whoever can read only the store (docs/DESIGN.md, "A
 * fleet"): two keys derived from the user's encryption key, one naming tokens (an HMAC-SHA-256 of
 * the token key, credentials included, so every process of the fleet finds the same name and the
 * store holds no client id or secret), one sealing them (AES-256-GCM, the name and key id bound as
 * associated data, so a sealed token moved under another name does not open).
 */
final class TokenSeal {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte FORMAT = 1;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyId;
  private final SecretKeySpec namingKey;
  private final SecretKeySpec sealingKey;

  TokenSeal(String keyId, byte[] key) {
    this.keyId = keyId;
    this.namingKey = new SecretKeySpec(derive(key, "tokenwise fleet naming v1"), "HmacSHA256");
    this.sealingKey = new SecretKeySpec(derive(key, "tokenwise fleet sealing v1"), "AES");
  }

  String keyId() {
    return keyId;
  }

  /** The store's name for {@code exchange}'s token: the same in every process with this key. */
  String name(TokenExchange exchange) {
    Mac mac = mac(namingKey);
    for (String field : List.of(exchange.tokenUrl.toString(), exchange.style.name(),
        exchange.credentials.clientId(), exchange.credentials.secret(),
        String.join(" ", exchange.scopes), String.valueOf(exchange.tokenName),
        String.valueOf(exchange.expiration))) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      // Length first, so that no two field lists give the same bytes.
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      mac.update(bytes);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  StoredToken seal(String name, AccessToken token, long fence) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(name));
      byte[] sealed = cipher.doFinal(serialize(token));
      return StoredToken.of(fence, keyId, ByteBuffer.allocate(nonce.length + sealed.length)
          .put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK has AES/GCM", e);
    }
  }

  /**
   * The token sealed in {@code stored}, or null when it was sealed with another key, under
   * another name, or altered: to the fleet that is no token at all.
   */
  AccessToken open(String name, StoredToken stored) {
    byte[] sealed = stored.sealed();
    if (!keyId.equals(stored.keyId()) || sealed.length <= NONCE_BYTES) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, sealingKey,
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(name));
      return deserialize(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A short digest of a token under the naming key, for logs and tests: never the token. */
  String tokenId(AccessToken token) {
    Mac mac = mac(namingKey);
    return HexFormat.of().formatHex(mac.doFinal(token.value().getBytes(StandardCharsets.UTF_8)),
        0, 6);
  }

  private byte[] associatedData(String name) {
    return (name + '\u0000' + keyId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] serialize(AccessToken token) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeInstant(out, token.requestedAt());
      writeInstant(out, token.expiresAt());
      out.writeInt(token.scopes().size());
      for (String scope : token.scopes()) {
        writeString(out, scope);
      }
      writeString(out, token.value());
    } catch (IOException e) {
      throw new AssertionError("writing to memory does not fail", e);
    }
    return bytes.toByteArray();
  }

  private static AccessToken deserialize(byte[] plain) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
    if (in.readByte() != FORMAT) {
      throw new IOException("unknown format");
    }
    Instant requestedAt = readInstant(in);
    Instant expiresAt = readInstant(in);
    int count = in.readInt();
    if (count < 0 || count > plain.length) {
      throw new IOException("bad scope count");
    }
    Set<String> scopes = new HashSet<>();
    for (int i = 0; i < count; i++) {
      scopes.add(readString(in, plain.length));
    }
    return AccessToken.create(readString(in, plain.length), requestedAt, expiresAt, scopes);
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in, int limit) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > limit) {
      throw new IOException("bad length");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** One HMAC-SHA-256 block per purpose (HKDF-Expand with a single block). */
  private static byte[] derive(byte[] key, String purpose) {
    Mac mac = mac(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(purpose.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 1);
    return mac.doFinal();
  }

  private static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK has HmacSHA256", e);
    }
  }
}
