package io.tokenwise.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The URL rules both the processor (on literal URLs) and the runtime (on builder overrides) apply:
 * what counts as loopback, what an origin is, and how a URL is shown in a message. One rule, one
 * place (docs/DESIGN.md, "Security rules").
 */
public final class UrlRules {

  /**
   * True only for a host that cannot leave this machine: the name {@code localhost}, an IPv4
   * literal in {@code 127.0.0.0/8} written as four decimal octets, or the IPv6 literal {@code ::1}
   * (brackets optional). Parsed, never prefix-matched: {@code 127.evil.example} and {@code
   * localhost.evil.example} are DNS names, and DNS is never asked.
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (bare.indexOf(':') >= 0) {
      return isLoopbackIpv6Literal(bare);
    }
    int[] octets = ipv4Octets(bare);
    return octets != null && octets[0] == 127;
  }

  /**
   * True when a URL of this scheme and host may carry a secret or a token: https, or plain http
   * to a loopback host ({@link #isLoopbackHost}). Any other scheme is false.
   */
  public static boolean mayCarryCredentials(String scheme, String host) {
    return "https".equalsIgnoreCase(scheme)
        || ("http".equalsIgnoreCase(scheme) && isLoopbackHost(host));
  }

  /** Four dotted decimal octets 0–255 with no leading zeros (0177 is octal to some parsers). */
  private static int[] ipv4Octets(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return null;
      }
      for (int j = 0; j < part.length(); j++) {
        if (part.charAt(j) < '0' || part.charAt(j) > '9') {
          return null;
        }
      }
      octets[i] = Integer.parseInt(part);
      if (octets[i] > 255) {
        return null;
      }
    }
    return octets;
  }

  private static boolean isLoopbackIpv6Literal(String literal) {
    // Only hex digits, ':' and '.' (an embedded IPv4 tail): nothing a resolver would look up,
    // no zone id.
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
      if (!ok) {
        return false;
      }
    }
    try {
      // A bracketed literal is parsed, never resolved: an invalid one throws.
      InetAddress address = InetAddress.getByName("[" + literal + "]");
      return address.isLoopbackAddress()
          && (!(address instanceof Inet4Address) || ipv4Octets(address.getHostAddress()) != null);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The URL as a message may show it: user info and query replaced by {@code ***}, fragment
   * dropped. A query string or {@code user:password} may hold a secret.
   */
  /**
   * Whether {@code url}, absolute or scheme-relative, parsable or not, has user info ({@code
   * user:password@}) in its authority: checked before anything else that would print the URL.
   */
  public static boolean hasUserInfo(String url) {
    int schemeEnd = url.indexOf("://");
    int start = schemeEnd >= 0 ? schemeEnd + 3 : url.startsWith("//") ? 2 : -1;
    if (start < 0) {
      return false;
    }
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.indexOf('@', start);
    return at >= 0 && at < end;
  }

  public static String redact(String url) {
    if (url == null) {
      return "null";
    }
    String rest = url;
    int fragment = rest.indexOf('#');
    if (fragment >= 0) {
      rest = rest.substring(0, fragment);
    }
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = "?***";
      rest = rest.substring(0, question);
    }
    int schemeEnd = rest.indexOf("://");
    int authorityStart = schemeEnd >= 0 ? schemeEnd + 3 : rest.startsWith("//") ? 2 : 0;
    int authorityEnd = rest.indexOf('/', authorityStart);
    if (authorityEnd < 0) {
      authorityEnd = rest.length();
    }
    int at = rest.lastIndexOf('@', authorityEnd - 1);
    if (at >= authorityStart) {
      rest = rest.substring(0, authorityStart) + "***@" + rest.substring(at + 1);
    }
    return rest + query;
  }

  /**
   * True when {@code a} and {@code b} have one origin: scheme, host (case-insensitive) and port
   * (the scheme's default when absent), as RFC 6454 defines it.
   */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && b.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && b.getHost() != null
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
      case "https" -> 443;
      case "http" -> 80;
      default -> -1;
    };
  }

  private UrlRules() {}
}
