package io.tokenwise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.AuthStyle;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProviderCatalogTest {
  @Test
  void paxos() {
    ProviderSpec paxos = ProviderCatalog.spec(Provider.PAXOS);
    assertEquals(AuthStyle.CLIENT_SECRET_POST, paxos.authStyle());
    assertTrue(paxos.takesScopes());
    assertUrls(paxos,
        "https://oauth.sandbox.paxos.com/oauth2/token", "https://oauth.paxos.com/oauth2/token",
        "https://api.sandbox.paxos.com/v2/", "https://api.paxos.com/v2/");
    assertEquals(List.of("PAXOS_CLIENT_ID", "PAXOS_CLIENT_SECRET"), variables(paxos));
  }

  /** Diagnostics name a provider through these, never by a literal (DiagnosticsTest, exactly). */
  @Test
  void namesInMessages() {
    ProviderSpec paxos = ProviderCatalog.spec(Provider.PAXOS);
    assertEquals("Paxos", paxos.displayName());
    assertEquals("Paxos v2", paxos.apiName());
    assertEquals("Mangopay", ProviderCatalog.spec(Provider.MANGOPAY).apiName());
    assertEquals("Papaya Global", ProviderCatalog.spec(Provider.PAPAYA_GLOBAL).apiName());
    // Read after "a": a provider with no URLs of its own is a kind of server.
    assertEquals("CUSTOM provider", ProviderCatalog.spec(Provider.CUSTOM).displayName());
  }

  @Test
  void mangopayBaseUrlCarriesTheClientIdPlaceholder() {
    ProviderSpec mangopay = ProviderCatalog.spec(Provider.MANGOPAY);
    assertEquals(AuthStyle.CLIENT_SECRET_BASIC, mangopay.authStyle());
    assertFalse(mangopay.takesScopes());
    assertUrls(mangopay,
        "https://api.sandbox.mangopay.com/v2.01/oauth/token",
        "https://api.mangopay.com/v2.01/oauth/token",
        "https://api.sandbox.mangopay.com/v2.01/{clientId}/",
        "https://api.mangopay.com/v2.01/{clientId}/");
    for (Env env : Env.values()) {
      assertTrue(mangopay.baseUrl(env).orElseThrow().contains(ProviderSpec.CLIENT_ID_PLACEHOLDER));
      assertFalse(mangopay.tokenUrl(env).orElseThrow().contains("{"));
    }
    assertEquals("{clientId}", ProviderSpec.CLIENT_ID_PLACEHOLDER);
    assertEquals(List.of("MANGOPAY_CLIENT_ID", "MANGOPAY_API_KEY"), variables(mangopay));
  }

  @Test
  void paysway() {
    ProviderSpec paysway = ProviderCatalog.spec(Provider.PAYSWAY);
    assertEquals(AuthStyle.CLIENT_SECRET_POST, paysway.authStyle());
    assertFalse(paysway.takesScopes());
    assertUrls(paysway,
        "https://api.paysway.dev/oauth2/token", "https://api.paysway.io/oauth2/token",
        "https://api.paysway.dev/", "https://api.paysway.io/");
    assertEquals(List.of("PAYSWAY_CLIENT_ID", "PAYSWAY_CLIENT_SECRET"), variables(paysway));
  }

  @Test
  void papayaPublishesOnlyItsStagingTokenUrl() {
    ProviderSpec papaya = ProviderCatalog.spec(Provider.PAPAYA_GLOBAL);
    assertEquals(AuthStyle.JSON_API_KEY, papaya.authStyle());
    assertFalse(papaya.takesScopes());
    assertEquals(
        Optional.of("https://authentication-service.staging.pay.papayaglobal.work/token"),
        papaya.tokenUrl(Env.SANDBOX));
    assertEquals(Optional.empty(), papaya.tokenUrl(Env.PRODUCTION));
    assertEquals(Optional.empty(), papaya.baseUrl(Env.SANDBOX));
    assertEquals(Optional.empty(), papaya.baseUrl(Env.PRODUCTION));
    assertEquals(List.of("PAPAYA_API_KEY", "PAPAYA_CLIENT_SECRET"), variables(papaya));
  }

  @Test
  void customHasNoUrlsAndNoStyleOfItsOwn() {
    ProviderSpec custom = ProviderCatalog.spec(Provider.CUSTOM);
    assertEquals(AuthStyle.DEFAULT, custom.authStyle());
    assertTrue(custom.takesScopes());
    for (Env env : Env.values()) {
      assertEquals(Optional.empty(), custom.tokenUrl(env));
      assertEquals(Optional.empty(), custom.baseUrl(env));
    }
  }

  @Test
  void everyProviderHasAnEntryForItself() {
    for (Provider provider : Provider.values()) {
      assertEquals(provider, ProviderCatalog.spec(provider).provider());
    }
  }

  private static void assertUrls(ProviderSpec spec, String sandboxToken, String productionToken,
      String sandboxBase, String productionBase) {
    assertEquals(Optional.of(sandboxToken), spec.tokenUrl(Env.SANDBOX));
    assertEquals(Optional.of(productionToken), spec.tokenUrl(Env.PRODUCTION));
    assertEquals(Optional.of(sandboxBase), spec.baseUrl(Env.SANDBOX));
    assertEquals(Optional.of(productionBase), spec.baseUrl(Env.PRODUCTION));
  }

  private static List<String> variables(ProviderSpec spec) {
    return List.of(spec.clientIdVariable(), spec.secretVariable());
  }
}
