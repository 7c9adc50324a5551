package io.tokenwise;

import static io.tokenwise.TokenEndpointFixture.CLIENT_ID;
import static io.tokenwise.TokenEndpointFixture.NOW;
import static io.tokenwise.TokenEndpointFixture.PAXOS_SCOPES;
import static io.tokenwise.TokenEndpointFixture.SECRET;
import static io.tokenwise.TokenEndpointFixture.TOKEN;
import static io.tokenwise.TokenEndpointFixture.credentials;
import static io.tokenwise.TokenEndpointFixture.fetcher;
import static io.tokenwise.TokenEndpointFixture.json;
import static io.tokenwise.TokenEndpointFixture.parseBasic;
import static io.tokenwise.TokenEndpointFixture.parseForm;
import static io.tokenwise.TokenEndpointFixture.parseJsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden wire tests: the exact token request of every provider and auth style, byte for byte, with
 * a secret full of characters that encoders get wrong, decoded back on the server side.
 */
final class TokenExchangeWireTest {
  /** {@link TokenEndpointFixture#SECRET} form-encoded, written out by hand. */
  private static final String SECRET_FORM = "s3cr%2Bt%26x%3D1%25%2F+%22q%5C%3A%C3%A9%E6%BC%A2";
  private static final String OAUTH_SUCCESS =
      "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";

  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = TokenEndpointFixture.startLoopbackServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void paxosPostsClientSecretAndScopesInDeclaredOrder() throws Exception {
    server.enqueue(json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,"
        + "\"scope\":\"funding:read_profile transfer:read_transfer\",\"token_type\":\"bearer\"}"));
    TokenExchange exchange = new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
        server.url("/oauth2/token"), credentials(), PAXOS_SCOPES, null, null);

    AccessToken token = fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/oauth2/token");
    assertNull(request.getHeaders().get("Authorization"));
    String body = request.getBody().utf8();
    assertEquals("grant_type=client_credentials&client_id=acme-client-Zx9&client_secret="
        + SECRET_FORM + "&scope=transfer%3Aread_transfer+funding%3Aread_profile", body);
    Map<String, String> form = parseForm(body);
    assertEquals(List.of("grant_type", "client_id", "client_secret", "scope"),
        List.copyOf(form.keySet()));
    assertEquals("client_credentials", form.get("grant_type"));
    assertEquals(CLIENT_ID, form.get("client_id"));
    assertEquals(SECRET, form.get("client_secret"));
    assertEquals("transfer:read_transfer funding:read_profile", form.get("scope"));

    assertEquals(TOKEN, token.value());
    assertEquals(NOW, token.requestedAt());
    assertEquals(NOW.plusSeconds(3600), token.expiresAt());
    assertEquals(Set.copyOf(PAXOS_SCOPES), token.scopes());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void paxosWithoutScopesSendsNoScopeField() throws Exception {
    server.enqueue(json(200, OAUTH_SUCCESS));
    TokenExchange exchange = new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
        server.url("/oauth2/token"), credentials(), List.of(), null, null);

    fetcher(exchange).fetchBlocking();

    assertEquals("grant_type=client_credentials&client_id=acme-client-Zx9&client_secret="
        + SECRET_FORM, server.takeRequest().getBody().utf8());
  }

  @Test
  void mangopaySendsRawClientIdAndApiKeyAsBasicAndOnlyTheGrantType() throws Exception {
    server.enqueue(json(200,
        "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1199}"));
    TokenExchange exchange = new TokenExchange(Provider.MANGOPAY, AuthStyle.CLIENT_SECRET_BASIC,
        server.url("/v2.01/oauth/token"), credentials(), List.of(), null, null);

    AccessToken token = fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/v2.01/oauth/token");
    assertEquals("Basic YWNtZS1jbGllbnQtWng5OnMzY3IrdCZ4PTElLyAicVw6w6nmvKI=",
        request.getHeaders().get("Authorization"));
    assertEquals(List.of(CLIENT_ID, SECRET), parseBasic(request.getHeaders().get("Authorization")));
    assertEquals("grant_type=client_credentials", request.getBody().utf8());
    assertEquals(NOW.plusSeconds(1199), token.expiresAt());
  }

  @Test
  void mangopayClientIdWithColonIsRejectedBeforeAnyRequest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TokenExchange(Provider.MANGOPAY, AuthStyle.CLIENT_SECRET_BASIC,
            server.url("/v2.01/oauth/token"), ClientCredentials.of("acme:client", SECRET),
            List.of(), null, null));
    assertTrue(e.getMessage().contains("client id contains ':'"), e.getMessage());
    assertFalse(e.getMessage().contains("acme:client"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void payswayPostsGrantTypeClientIdAndSecretAndNothingElse() throws Exception {
    server.enqueue(json(200, OAUTH_SUCCESS));
    TokenExchange exchange = new TokenExchange(Provider.PAYSWAY, AuthStyle.CLIENT_SECRET_POST,
        server.url("/oauth2/token"), credentials(), List.of(), null, null);

    AccessToken token = fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/oauth2/token");
    assertNull(request.getHeaders().get("Authorization"));
    String body = request.getBody().utf8();
    assertEquals("grant_type=client_credentials&client_id=acme-client-Zx9&client_secret="
        + SECRET_FORM, body);
    assertEquals(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
        "client_secret", SECRET), parseForm(body));
    assertEquals(NOW.plusSeconds(3600), token.expiresAt());
  }

  @Test
  void papayaPostsJsonApiKeyWithTokenNameAndExpirationAndAccepts201() throws Exception {
    server.enqueue(json(201, "{\"valid_until\":\"2024-07-12T07:00Z\",\"token\":\"" + TOKEN
        + "\",\"token_name\":\"ci-runner\"}"));
    TokenExchange exchange = new TokenExchange(Provider.PAPAYA_GLOBAL, AuthStyle.JSON_API_KEY,
        server.url("/token"), credentials(), List.of(), "ci-runner", Duration.ofHours(1));

    AccessToken token = fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/token", request.getTarget());
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
    assertEquals("application/json", request.getHeaders().get("Accept"));
    assertNull(request.getHeaders().get("Authorization"));
    String body = request.getBody().utf8();
    assertEquals("{\"api_key\":\"acme-client-Zx9\",\"client_secret\":\"s3cr+t&x=1%/ \\\"q\\\\:"
        + "\u00e9\u6f22\",\"token_name\":\"ci-runner\",\"expiration\":3600}", body);
    assertEquals(Map.of("api_key", CLIENT_ID, "client_secret", SECRET,
        "token_name", "ci-runner", "expiration", 3600.0), parseJsonObject(body));
    assertEquals(NOW.plus(Duration.ofDays(1)), token.expiresAt());
  }

  @Test
  void papayaPostsOnlyApiKeyAndSecretWhenNothingElseIsConfiguredAndAccepts200() throws Exception {
    server.enqueue(json(200, "{\"valid_until\":\"2024-07-11T08:00Z\",\"token\":\"" + TOKEN
        + "\",\"token_name\":\"default\"}"));
    TokenExchange exchange = new TokenExchange(Provider.PAPAYA_GLOBAL, AuthStyle.JSON_API_KEY,
        server.url("/token"), credentials(), List.of(), null, null);

    AccessToken token = fetcher(exchange).fetchBlocking();

    String body = server.takeRequest().getBody().utf8();
    assertEquals("{\"api_key\":\"acme-client-Zx9\",\"client_secret\":\"s3cr+t&x=1%/ \\\"q\\\\:"
        + "\u00e9\u6f22\"}", body);
    assertEquals(Map.of("api_key", CLIENT_ID, "client_secret", SECRET), parseJsonObject(body));
    assertEquals(NOW.plusSeconds(3600), token.expiresAt());
  }

  @Test
  void customBasicFormEncodesIdAndSecretBeforeBase64WithScopes() throws Exception {
    server.enqueue(json(200, OAUTH_SUCCESS));
    TokenExchange exchange = new TokenExchange(Provider.CUSTOM, AuthStyle.CLIENT_SECRET_BASIC,
        server.url("/connect/token"), ClientCredentials.of("my client:id+1", SECRET),
        List.of("read", "write:all"), null, null);

    AccessToken token = fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/connect/token");
    String authorization = request.getHeaders().get("Authorization");
    assertEquals("Basic bXkrY2xpZW50JTNBaWQlMkIxOnMzY3IlMkJ0JTI2eCUzRDElMjUlMkYrJTIycSU1QyUzQSVD"
        + "MyVBOSVFNiVCQyVBMg==", authorization);
    List<String> basic = parseBasic(authorization);
    assertEquals("my+client%3Aid%2B1", basic.get(0));
    assertEquals(SECRET_FORM, basic.get(1));
    // RFC 6749 section 2.3.1: the server form-decodes each half after splitting at the colon.
    assertEquals("my client:id+1", java.net.URLDecoder.decode(basic.get(0), "UTF-8"));
    assertEquals(SECRET, java.net.URLDecoder.decode(basic.get(1), "UTF-8"));
    assertEquals("grant_type=client_credentials&scope=read+write%3Aall", request.getBody().utf8());
    assertEquals(Set.of("read", "write:all"), token.scopes());
  }

  @Test
  void customBasicWithoutScopesSendsOnlyTheGrantType() throws Exception {
    server.enqueue(json(200, OAUTH_SUCCESS));
    TokenExchange exchange = new TokenExchange(Provider.CUSTOM, AuthStyle.CLIENT_SECRET_BASIC,
        server.url("/connect/token"), credentials(), List.of(), null, null);

    fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/connect/token");
    assertEquals("Basic YWNtZS1jbGllbnQtWng5OnMzY3IlMkJ0JTI2eCUzRDElMjUlMkYrJTIycSU1QyUzQSVDMy"
        + "VBOSVFNiVCQyVBMg==", request.getHeaders().get("Authorization"));
    assertEquals(List.of(CLIENT_ID, SECRET_FORM),
        parseBasic(request.getHeaders().get("Authorization")));
    assertEquals("grant_type=client_credentials", request.getBody().utf8());
  }

  @Test
  void customPostSendsCredentialsAndScopesInTheForm() throws Exception {
    server.enqueue(json(200, OAUTH_SUCCESS));
    TokenExchange exchange = new TokenExchange(Provider.CUSTOM, AuthStyle.CLIENT_SECRET_POST,
        server.url("/connect/token?tenant=7"), ClientCredentials.of("my client:id+1", SECRET),
        List.of("read", "write:all"), null, null);

    fetcher(exchange).fetchBlocking();

    RecordedRequest request = server.takeRequest();
    assertFormPost(request, "/connect/token?tenant=7");
    assertNull(request.getHeaders().get("Authorization"));
    String body = request.getBody().utf8();
    assertEquals("grant_type=client_credentials&client_id=my+client%3Aid%2B1&client_secret="
        + SECRET_FORM + "&scope=read+write%3Aall", body);
    assertEquals(Map.of("grant_type", "client_credentials", "client_id", "my client:id+1",
        "client_secret", SECRET, "scope", "read write:all"), parseForm(body));
  }

  @Test
  void tokenNameAndExpirationAreRefusedOutsideTheJsonApiKeyStyle() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new TokenExchange(Provider.PAXOS, AuthStyle.CLIENT_SECRET_POST,
            server.url("/oauth2/token"), credentials(), List.of(), "ci", null));
    assertTrue(e.getMessage().contains("JSON_API_KEY"), e.getMessage());
  }

  private static void assertFormPost(RecordedRequest request, String target) {
    assertEquals("POST", request.getMethod());
    assertEquals(target, request.getTarget());
    assertEquals("application/x-www-form-urlencoded", request.getHeaders().get("Content-Type"));
    assertEquals("application/json", request.getHeaders().get("Accept"));
  }
}
