package io.tokenwise;

import java.util.Arrays;
import java.util.Objects;

/**
 * A token as a {@link TokenStore} holds it: sealed with AES-GCM under the fleet's encryption key
 * (whose id is stored beside), and the fence of the lease it was obtained under. Opaque to the
 * store; {@link #toString()} shows neither the sealed bytes nor the token.
 */
public final class StoredToken {
  private final long fence;
  private final String keyId;
  private final byte[] sealed;

  private StoredToken(long fence, String keyId, byte[] sealed) {
    this.fence = fence;
    this.keyId = keyId;
    this.sealed = sealed;
  }

  /** A stored token, as a store reads it back. */
  public static StoredToken of(long fence, String keyId, byte[] sealed) {
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(sealed, "sealed == null");
    return new StoredToken(fence, keyId, sealed.clone());
  }

  /** The fence of the lease the token was obtained under. */
  public long fence() {
    return fence;
  }

  /** The id of the encryption key that sealed it. */
  public String keyId() {
    return keyId;
  }

  /** The sealed token: nonce, then AES-GCM cipher text and tag. */
  public byte[] sealed() {
    return sealed.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredToken that && fence == that.fence && keyId.equals(that.keyId)
        && Arrays.equals(sealed, that.sealed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fence, keyId, Arrays.hashCode(sealed));
  }

  @Override
  public String toString() {
    return "StoredToken{fence=" + fence + ", keyId=" + keyId + ", sealed=" + sealed.length
        + " bytes}";
  }
}
