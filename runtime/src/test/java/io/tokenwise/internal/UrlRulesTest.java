package io.tokenwise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://u:p@h.example/", "http://u@h.example", "//u:p@h.example/x",
      "https://u:p@bad_host/x?q=1", "ftp://u:p@h.example", "https://h.example@evil.example/"})
  void userInfoIsFoundInAnyAuthority(String url) {
    assertTrue(UrlRules.hasUserInfo(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://h.example/a@b", "https://h.example?x=a@b",
      "https://h.example#a@b", "/relative/a@b", "relative@b", "mailto:u@h.example", ""})
  void anAtOutsideTheAuthorityIsNoUserInfo(String url) {
    assertFalse(UrlRules.hasUserInfo(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255",
      "::1", "[::1]", "0:0:0:0:0:0:0:1", "[0000:0000::0001]", "::ffff:127.0.0.1"})
  void loopbackHostsAreLoopback(String host) {
    assertTrue(UrlRules.isLoopbackHost(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example",
      "evil-localhost", "localhost.", "127.0.0.1.", "127.1", "0177.0.0.1", "127.0.0.01",
      "127.0.0.256", "128.0.0.1", "10.0.0.1", "0.0.0.0", "::", "::2", "fe80::1%lo",
      "[::1%25lo]", "::1.evil", "2130706433", "0x7f.0.0.1", "", " 127.0.0.1", "[127.0.0.1]x"})
  void hostsThatOnlyLookLikeLoopbackAreNot(String host) {
    assertFalse(UrlRules.isLoopbackHost(host), host);
  }

  @ParameterizedTest
  @CsvSource({"https, api.example.com, true", "HTTPS, api.example.com, true",
      "http, localhost, true", "HTTP, 127.0.0.1, true", "http, [::1], true",
      "http, 127.evil.example, false", "http, api.example.com, false",
      "ftp, localhost, false", "ws, 127.0.0.1, false"})
  void onlyHttpsOrLoopbackHttpMayCarryCredentials(String scheme, String host, boolean may) {
    assertEquals(may, UrlRules.mayCarryCredentials(scheme, host), scheme + "://" + host);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://user:pass@api.example.com/v2/x?key=s3cret#frag | https://***@api.example.com/v2/x?***",
      "https://api.example.com/v2/?token=abc | https://api.example.com/v2/?***",
      "http://127.0.0.1:8080/token | http://127.0.0.1:8080/token",
      "https://a@b@host/p | https://***@host/p",
      "not a url?secret=1 | not a url?***"})
  void redactMasksUserInfoAndQuery(String url, String expected) {
    assertEquals(expected, UrlRules.redact(url));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://api.example.com/v2/ | https://API.example.com:443/other | true",
      "http://127.0.0.1:80/ | http://127.0.0.1/x | true",
      "https://api.example.com/ | http://api.example.com/ | false",
      "https://api.example.com/ | https://api.example.com:8443/ | false",
      "https://api.example.com/ | https://evil.example.com/ | false"})
  void originIsSchemeHostAndPort(String a, String b, boolean same) {
    assertEquals(same, UrlRules.sameOrigin(URI.create(a), URI.create(b)));
  }
}
