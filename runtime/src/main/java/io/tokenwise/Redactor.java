package io.tokenwise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts secrets and tokens out of text that may reach an exception message: known secrets verbatim
 * and form-encoded, and any long run of token-like characters (JWTs, opaque tokens).
 */
final class Redactor {
  /** 24+ characters of base64url/JWT alphabet: tokens, not words. */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+/=-]{24,}");
  static final int EXCERPT_LENGTH = 200;

  private final List<String> secrets = new ArrayList<>();

  Redactor(String... secrets) {
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        this.secrets.add(secret);
        this.secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        this.secrets.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
      }
    }
    // Longest first, so a secret's encoded form is masked whole.
    this.secrets.sort((a, b) -> b.length() - a.length());
  }

  /** {@code text} with secrets masked, cut to at most {@link #EXCERPT_LENGTH} characters. */
  String excerpt(String text) {
    String masked = mask(text);
    return masked.length() <= EXCERPT_LENGTH
        ? masked
        : masked.substring(0, EXCERPT_LENGTH) + "…(" + masked.length() + " chars)";
  }

  String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "[redacted]");
    }
    masked = TOKEN_LIKE.matcher(masked).replaceAll("[redacted]");
    // One line: control characters in a message break logs.
    return masked.replaceAll("\\p{Cntrl}", " ");
  }
}
