package io.tokenwise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts secrets and tokens out of text that may reach an exception message: known secrets verbatim,
 * form-encoded and JSON-escaped, the value of any JSON field named like a token, and any long run
 * of token-like characters (JWTs, opaque tokens).
 */
final class Redactor {
  /**
   * 16+ characters of base64url/JWT alphabet (RFC 6749's sample token has 22); masked only when
   * it mixes letters and digits, so words and error codes survive.
   */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+/=-]{16,}");
  /**
   * The string value of {@code "access_token"}, {@code "token"}, {@code "accessToken"}... (but not
   * {@code token_type}), even in a body cut short: a token too short for {@link #TOKEN_LIKE}.
   * Possessive, so that a 64 KiB value is matched in a loop, not one stack frame per character.
   */
  private static final Pattern TOKEN_FIELD = Pattern.compile(
      "(\"[A-Za-z_]*token\"\\s*:\\s*\")((?:[^\"\\\\]++|\\\\.)++)", Pattern.CASE_INSENSITIVE);
  static final int EXCERPT_LENGTH = 200;

  private final List<String> secrets = new ArrayList<>();
  /** Every known secret in every encoding it may be echoed in; null when there is none. */
  private final Pattern known;

  Redactor(String... secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        this.secrets.add(secret);
        forms.addAll(disguises(secret));
      }
    }
    // Longest first, so a secret's encoded form is masked whole; any case, for %2b and \u00E9.
    this.known = forms.isEmpty() ? null : Pattern.compile(forms.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
  }

  /** This redactor, also masking {@code more}. */
  Redactor with(String... more) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(List.of(more));
    return new Redactor(all.toArray(String[]::new));
  }

  /** A secret as an error page may echo it: raw, form-encoded either way, JSON-escaped either way. */
  private static List<String> disguises(String secret) {
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String json = jsonEscape(secret, false);
    String asciiJson = jsonEscape(secret, true);
    return List.of(secret, form, form.replace("+", "%20"), json, json.replace("/", "\\/"),
        asciiJson, asciiJson.replace("/", "\\/"));
  }

  private static String jsonEscape(String text, boolean ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (ascii && c >= 0x7f)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code text} with secrets masked, cut to at most {@link #EXCERPT_LENGTH} characters. */
  String excerpt(String text) {
    String masked = mask(text);
    return masked.length() <= EXCERPT_LENGTH
        ? masked
        : masked.substring(0, EXCERPT_LENGTH) + "…(" + masked.length() + " chars)";
  }

  String mask(String text) {
    String masked = TOKEN_FIELD.matcher(text).replaceAll("$1[redacted]");
    if (known != null) {
      masked = known.matcher(masked).replaceAll("[redacted]");
    }
    // A run with letters and digits is random; an error code such as AUTH_INVALID_CLIENT is not.
    masked = TOKEN_LIKE.matcher(masked).replaceAll(run -> isRandom(run.group())
        ? "[redacted]" : Matcher.quoteReplacement(run.group()));
    // One line: control characters in a message break logs.
    return masked.replaceAll("\\p{Cntrl}", " ");
  }

  private static boolean isRandom(String run) {
    return run.chars().anyMatch(c -> c >= '0' && c <= '9')
        && run.chars().anyMatch(Character::isLetter);
  }
}
