package io.tokenwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.tokenwise.processor.Compilations.compile;
import static io.tokenwise.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @TokenEndpoint(openApi = ...)}: each diagnostic's id, text and line, over documents
 * modelled on two real client-credentials APIs ({@code src/test/resources/openapi/}: Paxos v2 in
 * YAML, OpenAPI 3.0; the Auth0 Management API in JSON, OpenAPI 3.1), a synthetic one for the edge
 * cases ({@code ledger.yaml}), and broken documents written by the tests.
 */
class OpenApiDiagnosticsTest {
  /** The Auth0 Management API as a CUSTOM provider; the scopes follow on the next lines. */
  private static final String AUTH0 = "@TokenEndpoint(provider = Provider.CUSTOM,"
      + " tokenUrl = \"https://your-tenant.auth0.com/oauth/token\","
      + " authStyle = AuthStyle.CLIENT_SECRET_POST,"
      + " baseUrl = \"https://your-tenant.auth0.com/api/v2/\","
      + " openApi = \"openapi/auth0-management.json\",";
  private static final String LEDGER = "@TokenEndpoint(provider = Provider.CUSTOM,"
      + " tokenUrl = \"https://ledger.example.com/oauth/token\","
      + " authStyle = AuthStyle.CLIENT_SECRET_BASIC,"
      + " baseUrl = \"https://ledger.example.com/v1/\","
      + " openApi = \"openapi/ledger.yaml\",";

  @TempDir Path documents;

  // --- Paxos, with the document in place of the built-in table ---

  @Test
  void paxosOperationNeedingAnUndeclaredScopeIsAnErrorNamingItsOperationId() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"transfer:read_transfer\"})",
        "public interface PaxosApi {",
        "  @GET(\"profiles/{p}/balances\")",
        "  Call<String> balances(@Path(\"p\") String profile);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET profiles/{p}/balances is"
            + " operation ListProfileBalances of OpenAPI document \"openapi/paxos-v2.yaml\","
            + " which needs funding:read_profile; PaxosApi does not request it, so the call would"
            + " fail with 403: add \"funding:read_profile\" to @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("@GET(\"profiles/{p}/balances\")");
  }

  @Test
  void paxosAlternativesMayUseScopesTheSchemeDoesNotDeclare() {
    JavaFileObject missing = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"rewards:read_payout_groups\"})",
        "public interface PaxosApi {",
        "  @POST(\"rewards/payout-groups\") Call<String> createGroup(@Body String group);",
        "}");
    assertThat(compile(missing))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] POST rewards/payout-groups is"
            + " operation CreatePayoutGroup of OpenAPI document \"openapi/paxos-v2.yaml\", which"
            + " needs rewards:create_payout_groups or rewards:write_payout_groups; PaxosApi does"
            + " not request it, so the call would fail with 403: add one of"
            + " \"rewards:create_payout_groups\" or \"rewards:write_payout_groups\" to"
            + " @TokenEndpoint(scopes = {...})")
        .inFile(missing).onLineContaining("createGroup(");

    // rewards:write_payout_groups appears only in an operation's security, never in the scheme.
    JavaFileObject covered = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"rewards:write_payout_groups\"})",
        "public interface PaxosApi {",
        "  @POST(\"rewards/payout-groups\") Call<String> createGroup(@Body String group);",
        "}");
    Compilation compilation = compile(covered);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.PaxosApiClient");
  }

  @Test
  void paxosPublicOperationsAndAnyTokenOperationsNeedNoScope() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"transfer:read_transfer\"})",
        "public interface PaxosApi {",
        "  @GET(\"markets/{market}/ticker\") Call<String> ticker(@Path(\"market\") String m);",
        "  @GET(\"travelrule/vasps\") Call<String> vasps();",
        "  @GET(\"transfer/transfers/{id}\") Call<String> transfer(@Path(\"id\") String id);",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void paxosScopeUnknownToTheDocumentSuggestsTheNearestItKnows() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"transfer:read_transfer\",",
        "        \"funding:read_profil\"})",
        "public interface PaxosApi {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiUnknownScope] \"funding:read_profil\" is not a"
            + " scope of OpenAPI document \"openapi/paxos-v2.yaml\", so the token request would"
            + " fail: use a scope that its client-credentials scheme declares or its operations"
            + " require. Did you mean \"funding:read_profile\"?")
        .inFile(f).onLineContaining("\"funding:read_profil\"");
  }

  @Test
  void paxosPathMissingFromTheDocumentWarnsWithTheNearest() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = \"transfer:read_transfer\")",
        "public interface PaxosApi {",
        "  @GET(\"transfer/transfer/{id}\") Call<String> transfer(@Path(\"id\") String id);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] GET transfer/transfer/{id} is not an"
            + " operation of OpenAPI document \"openapi/paxos-v2.yaml\", so the scopes it needs"
            + " cannot be checked: fix the path, or declare the scopes with @RequiresScopes if"
            + " the endpoint is newer than the document. Did you mean GET"
            + " \"transfer/transfers/{id}\" (GetTransfer, needing transfer:read_transfer)?")
        .inFile(f).onLineContaining("transfer/transfer/{id}");
  }

  @Test
  void paxosWithoutScopesSuggestsTheScopesTheDocumentAsksFor() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\")",
        "public interface PaxosApi {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "  @POST(\"rewards/payout-groups\") Call<String> createGroup(@Body String group);",
        "  @GET(\"markets/{market}/ticker\") Call<String> ticker(@Path(\"market\") String m);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/NoScopes] Paxos issues a token only for the scopes it is"
            + " asked for, and PaxosApi declares none: list the scopes its endpoints need in"
            + " @TokenEndpoint(scopes = {...}). Did you mean scopes = {\"transfer:read_transfer\","
            + " \"rewards:create_payout_groups\"}?")
        .inFile(f).onLineContaining("@TokenEndpoint");
  }

  @Test
  void paxosScopeAndOperationNewerThanTheBuiltInTableCompileAgainstTheDocument()
      throws IOException {
    write("paxos-next.yaml",
        "openapi: 3.0.3",
        "info: {title: Paxos, version: '2.1'}",
        "servers: [{url: 'https://api.paxos.com/v2'}]",
        "components:",
        "  securitySchemes:",
        "    OAuth2:",
        "      type: oauth2",
        "      flows:",
        "        clientCredentials:",
        "          tokenUrl: https://oauth.paxos.com/oauth2/token",
        "          scopes: {'stablecoin:read_route': Read routes}",
        "paths:",
        "  /stablecoin/routes:",
        "    get:",
        "      operationId: ListRoutes",
        "      security: [{OAuth2: ['stablecoin:read_route']}]");
    String[] lines = {
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"paxos-next.yaml\",",
        "    scopes = {\"stablecoin:read_route\"})",
        "public interface PaxosApi {",
        "  @GET(\"stablecoin/routes\") Call<String> routes();",
        "}"};
    assertThat(compileWithDocuments(source("PaxosApi", lines))).succeededWithoutWarnings();

    // The same interface against the built-in table: both are unknown to it.
    String[] withoutDocument = lines.clone();
    withoutDocument[0] = "@TokenEndpoint(provider = Provider.PAXOS,";
    Compilation builtIn = compile(source("PaxosApi", withoutDocument));
    assertThat(builtIn).hadErrorContaining("[Tokenwise/UnknownScope] \"stablecoin:read_route\"");
    assertThat(builtIn).hadWarningContaining("[Tokenwise/UnknownPaxosPath] GET stablecoin/routes");
  }

  // --- The Auth0 Management API: a CUSTOM provider, JSON, OpenAPI 3.1 ---

  @Test
  void auth0RequirementWithTwoScopesNeedsBoth() {
    JavaFileObject f = source("Auth0Users",
        AUTH0,
        "    scopes = {\"read:users\"})",
        "public interface Auth0Users {",
        "  @GET(\"users/{id}/roles\")",
        "  Call<String> roles(@Path(\"id\") String userId);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET users/{id}/roles is operation"
            + " get_user_roles of OpenAPI document \"openapi/auth0-management.json\", which needs"
            + " read:users and read:roles; Auth0Users does not request it, so the call would fail"
            + " with 403: add \"read:roles\" to @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("@GET(\"users/{id}/roles\")");
  }

  @Test
  void auth0TemplateWithThreeParametersMatchesByPositionAndIgnoresUserTokenAlternatives() {
    JavaFileObject f = source("Auth0Users",
        AUTH0,
        "    scopes = {\"read:users\"})",
        "public interface Auth0Users {",
        "  @DELETE(\"users/{user}/identities/{idp}/{secondary}\")",
        "  Call<Void> unlink(@Path(\"user\") String user, @Path(\"idp\") String idp,",
        "      @Path(\"secondary\") String secondary);",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] DELETE"
            + " users/{user}/identities/{idp}/{secondary} is operation"
            + " delete_user_identity_by_user_id of OpenAPI document"
            + " \"openapi/auth0-management.json\", which needs update:users; Auth0Users does not"
            + " request it, so the call would fail with 403: add \"update:users\" to"
            + " @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("identities/{idp}");
  }

  @Test
  void auth0UserTokenScopeIsNotAClientCredentialsScope() {
    JavaFileObject f = source("Auth0Users",
        AUTH0,
        "    scopes = {\"read:users\",",
        "        \"read:current_user\"})",
        "public interface Auth0Users {",
        "  @GET(\"users/{id}\") Call<String> user(@Path(\"id\") String userId);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiUnknownScope] \"read:current_user\" is not a scope"
            + " of OpenAPI document \"openapi/auth0-management.json\", so the token request would"
            + " fail: use a scope that its client-credentials scheme declares or its operations"
            + " require")
        .inFile(f).onLineContaining("\"read:current_user\"");
    // No "did you mean": no scope of the document is near.
    assertThat(compilation.errors().get(0).getMessage(Locale.ROOT)).doesNotContain("Did you mean");
  }

  @Test
  void auth0WrongVerbSuggestsEveryOperationAtThatPath() {
    JavaFileObject f = source("Auth0Users",
        AUTH0,
        "    scopes = {\"read:users\", \"update:users\", \"delete:users\"})",
        "public interface Auth0Users {",
        "  @PUT(\"users/{id}\") Call<String> update(@Path(\"id\") String id, @Body String u);",
        "}");
    assertThat(compile(f))
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] PUT users/{id} is not an operation"
            + " of OpenAPI document \"openapi/auth0-management.json\", so the scopes it needs"
            + " cannot be checked: fix the path, or declare the scopes with @RequiresScopes if"
            + " the endpoint is newer than the document. Did you mean GET \"users/{id}\""
            + " (get_users_by_id, needing read:users) or DELETE \"users/{id}\""
            + " (delete_users_by_id, needing delete:users) or PATCH \"users/{id}\""
            + " (patch_users_by_id, needing update:users)?")
        .inFile(f).onLineContaining("@PUT(\"users/{id}\")");
  }

  @Test
  void auth0BaseUrlWithoutTheServersPathWarnsWithThePathToWrite() {
    JavaFileObject f = source("Auth0Users",
        AUTH0.replace("/api/v2/", "/"),
        "    scopes = {\"read:users\"})",
        "public interface Auth0Users {",
        "  @GET(\"users\") Call<String> users();",
        "}");
    assertThat(compile(f))
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] GET users is not an operation of"
            + " OpenAPI document \"openapi/auth0-management.json\", so the scopes it needs cannot"
            + " be checked: fix the path, or declare the scopes with @RequiresScopes if the"
            + " endpoint is newer than the document. Did you mean GET \"api/v2/users\" (get_users,"
            + " needing read:users)?")
        .inFile(f).onLineContaining("@GET(\"users\")");
  }

  @Test
  void auth0WithoutACompileTimeBaseUrlMatchesWithOrWithoutTheServersPath() {
    JavaFileObject f = source("Auth0Users",
        "@TokenEndpoint(provider = Provider.CUSTOM,",
        "    tokenUrl = \"https://your-tenant.auth0.com/oauth/token\",",
        "    authStyle = AuthStyle.CLIENT_SECRET_POST,",
        "    openApi = \"openapi/auth0-management.json\",",
        "    scopes = {\"read:users\"})",
        "public interface Auth0Users {",
        "  @GET(\"users\") Call<String> users();",
        "  @GET(\"api/v2/users/{id}\") Call<String> user(@Path(\"id\") String id);",
        "  @GET(\"logs\") Call<String> logs();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET logs is operation get_logs")
        .inFile(f).onLineContaining("@GET(\"logs\")");
  }

  @Test
  void auth0InterfaceCoveringEveryOperationCompilesWithoutAnyDiagnostic() {
    JavaFileObject f = source("Auth0Admin",
        AUTH0,
        "    scopes = {\"read:users\", \"create:users\", \"update:users\", \"delete:users\",",
        "        \"read:roles\", \"create:roles\", \"read:clients\", \"read:logs\"})",
        "public interface Auth0Admin {",
        "  @GET(\"users\") Call<String> users(@Query(\"q\") String query);",
        "  @POST(\"users\") Call<String> createUser(@Body String user);",
        "  @GET(\"users/{id}\") Call<String> user(@Path(\"id\") String id);",
        "  @PATCH(\"users/{id}\") Call<String> update(@Path(\"id\") String id, @Body String u);",
        "  @DELETE(\"users/{id}\") Call<Void> deleteUser(@Path(\"id\") String id);",
        "  @GET(\"users/{id}/roles\") Call<String> roles(@Path(\"id\") String id);",
        "  @DELETE(\"users/{id}/multifactor/{provider}\")",
        "  Call<Void> resetMfa(@Path(\"id\") String id, @Path(\"provider\") String provider);",
        "  @GET(\"roles\") Call<String> allRoles();",
        "  @POST(\"roles\") Call<String> createRole(@Body String role);",
        "  @GET(\"clients\") Call<String> clients();",
        "  @GET(\"logs?per_page=100\") Call<String> logs();",
        "}");
    Compilation compilation = compile(List.of("-Werror", "-Xlint:all"), false, f);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Auth0AdminClient");
  }

  // --- Synthetic edge cases: ledger.yaml (OpenAPI 3.1, YAML) ---

  @Test
  void rootSecurityWrittenWithAnAliasIsInherited() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:write\"})",
        "public interface Ledger {",
        "  @GET(\"accounts\") Call<String> accounts();",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET accounts is operation"
            + " ListAccounts of OpenAPI document \"openapi/ledger.yaml\", which needs ledger:read;"
            + " Ledger does not request it, so the call would fail with 403: add \"ledger:read\""
            + " to @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("accounts()");
  }

  @Test
  void aliasedListOfAlternativesNamesWhatEachLacks() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:write\"})",
        "public interface Ledger {",
        "  @DELETE(\"accounts/{id}\") Call<Void> close(@Path(\"id\") String id);",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] DELETE accounts/{id} is operation"
            + " CloseAccount of OpenAPI document \"openapi/ledger.yaml\", which needs ledger:admin"
            + " or ledger:write and ledger:close; Ledger does not request it, so the call would"
            + " fail with 403: add one of \"ledger:admin\" or \"ledger:close\" to"
            + " @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("close(");
  }

  @Test
  void securityBroughtInByAMergeKeyCounts() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @GET(\"reports/daily\") Call<String> daily();",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET reports/daily is operation"
            + " DailyReport of OpenAPI document \"openapi/ledger.yaml\", which needs"
            + " ledger:audit;")
        .inFile(f).onLineContaining("daily()");
  }

  @Test
  void emptySecurityAndAnonymousAlternativeNeedNoScope() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:export\"})",
        "public interface Ledger {",
        "  @GET(\"status\") Call<String> status();",
        "  @GET(\"search\") Call<String> search(@Query(\"q\") String q);",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void literalPathPrefersTheLiteralOperationAndElseFillsATemplate() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @GET(\"accounts/me\") Call<String> own();",
        "  @GET(\"accounts/42\") Call<String> fortyTwo();",
        "  @GET(\"accounts/{id}\") Call<String> account(@Path(\"id\") String id);",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    // ledger:self appears only in this operation's security: a known scope all the same.
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET accounts/me is operation"
            + " GetOwnAccount of OpenAPI document \"openapi/ledger.yaml\", which needs"
            + " ledger:self;")
        .inFile(f).onLineContaining("own()");
  }

  @Test
  void severalParametersAndTemplatesInsideOneSegmentMatch() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\", \"ledger:write\", \"ledger:export\"})",
        "public interface Ledger {",
        "  @PUT(\"accounts/{a}/cards/{c}/limits/{l}\")",
        "  Call<String> limit(@Path(\"a\") String a, @Path(\"c\") String c,",
        "      @Path(\"l\") String l, @Body String limit);",
        "  @GET(\"exports/{name}.{format}\")",
        "  Call<String> export(@Path(\"name\") String name, @Path(\"format\") String format);",
        "  @GET(\"exports/{name}.csv\") Call<String> csv(@Path(\"name\") String name);",
        "  @GET(\"legacy/{id}\") Call<String> legacy(@Path(\"id\") String id);",
        "  @POST(\"bulk/batch\") Call<String> batch(@Body String batch);",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void missingSegmentParameterIsNotMatchedToALongerTemplate() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\", \"ledger:write\"})",
        "public interface Ledger {",
        "  @PUT(\"accounts/{a}/cards/{c}/limits\")",
        "  Call<String> limits(@Path(\"a\") String a, @Path(\"c\") String c, @Body String l);",
        "}");
    assertThat(compile(f))
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] PUT accounts/{a}/cards/{c}/limits"
            + " is not an operation of OpenAPI document \"openapi/ledger.yaml\"")
        .inFile(f).onLineContaining("limits\")");
  }

  @Test
  void pathLevelServersMoveTheOperation() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\", \"ledger:write\"})",
        "public interface Ledger {",
        "  @POST(\"batch\") Call<String> batch(@Body String batch);",
        "}");
    assertThat(compile(f))
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] POST batch is not an operation of"
            + " OpenAPI document \"openapi/ledger.yaml\", so the scopes it needs cannot be"
            + " checked: fix the path, or declare the scopes with @RequiresScopes if the endpoint"
            + " is newer than the document. Did you mean POST \"bulk/batch\" (SubmitBatch,"
            + " needing ledger:write and ledger:read)?")
        .inFile(f).onLineContaining("batch(");
  }

  @Test
  void requirementAlsoNeedingAnApiKeyIsNoWayInForAClientCredentialsToken() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:write\"})",
        "public interface Ledger {",
        "  @POST(\"transfers\") Call<String> transfer(@Body String transfer);",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] POST transfers is operation"
            + " CreateTransfer of OpenAPI document \"openapi/ledger.yaml\", which needs"
            + " ledger:admin; Ledger does not request it, so the call would fail with 403: add"
            + " \"ledger:admin\" to @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("transfer(");
  }

  @Test
  void pathsDifferingInCaseOrATrailingSlashAreOtherPaths() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @GET(\"Accounts\") Call<String> upper();",
        "  @GET(\"accounts/\") Call<String> slash();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] GET Accounts is not an operation")
        .inFile(f).onLineContaining("upper()");
    assertThat(compilation)
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] GET accounts/ is not an operation")
        .inFile(f).onLineContaining("slash()");
  }

  @Test
  void unknownScopesOptionDoesNotSoftenTheDocumentsScopes() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"openapi/paxos-v2.yaml\",",
        "    scopes = {\"transfer:read_transfers\"})",
        "public interface PaxosApi {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    Compilation compilation = compile(List.of("-Atokenwise.unknownScopes=warn"), false, f);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiUnknownScope] \"transfer:read_transfers\"")
        .inFile(f).onLineContaining("transfer:read_transfers");
  }

  @Test
  void operationOnlyAnApiKeyOpensWarns() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @GET(\"webhooks\") Call<String> webhooks();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[Tokenwise/OpenApiOtherSecurity] GET webhooks is operation"
            + " ListWebhooks of OpenAPI document \"openapi/ledger.yaml\", which accepts only"
            + " apiKey, not an OAuth2 client-credentials token, so the call would fail with 401:"
            + " call it with a client that holds those credentials")
        .inFile(f).onLineContaining("webhooks()");
  }

  @Test
  void requiresScopesVouchesForAPathTheDocumentLacks() {
    JavaFileObject f = source("Ledger",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @RequiresScopes(\"ledger:read\")",
        "  @GET(\"accounts/{id}/statements\") Call<String> statements(@Path(\"id\") String id);",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void serverVariableInThePathMatchesAnyVersion() {
    JavaFileObject f = source("Ledger",
        LEDGER.replace("/v1/", "/v2/"),
        "    scopes = {\"ledger:read\"})",
        "public interface Ledger {",
        "  @GET(\"accounts\") Call<String> accounts();",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void providerWithoutScopesGetsThePathChecksOnly() {
    JavaFileObject f = source("PayswayLedger",
        "@TokenEndpoint(provider = Provider.PAYSWAY,",
        "    baseUrl = \"https://ledger.example.com/v1/\", openApi = \"openapi/ledger.yaml\")",
        "public interface PayswayLedger {",
        "  @GET(\"accounts\") Call<String> accounts();",
        "  @GET(\"acounts\") Call<String> typo();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[Tokenwise/OpenApiUnknownPath] GET acounts is not an operation of"
            + " OpenAPI document \"openapi/ledger.yaml\"")
        .inFile(f).onLineContaining("typo()");
  }

  @Test
  void documentWithoutServersMatchesPathsBelowTheBaseUrl() throws IOException {
    write("no-servers.json",
        "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\"},",
        " \"components\": {\"securitySchemes\": {\"cc\": {\"type\": \"oauth2\", \"flows\":",
        "   {\"clientCredentials\": {\"tokenUrl\": \"https://a.example/t\",",
        "     \"scopes\": {\"things:read\": \"\"}}}}}},",
        " \"security\": [{\"cc\": [\"things:read\"]}],",
        " \"paths\": {\"/things/{id}\": {\"get\": {\"operationId\": \"GetThing\"}}}}");
    JavaFileObject f = source("Things",
        "@TokenEndpoint(provider = Provider.CUSTOM, tokenUrl = \"https://a.example/t\",",
        "    authStyle = AuthStyle.CLIENT_SECRET_POST, baseUrl = \"https://a.example/api/v3/\",",
        "    openApi = \"no-servers.json\")",
        "public interface Things {",
        "  @GET(\"things/{id}\") Call<String> thing(@Path(\"id\") String id);",
        "}");
    assertThat(compileWithDocuments(f))
        .hadErrorContaining("[Tokenwise/OpenApiMissingScope] GET things/{id} is operation"
            + " GetThing of OpenAPI document \"no-servers.json\", which needs things:read; Things"
            + " does not request it, so the call would fail with 403: add \"things:read\" to"
            + " @TokenEndpoint(scopes = {...})")
        .inFile(f).onLineContaining("thing(");
  }

  @Test
  void oneDocumentServesManyInterfaces() {
    JavaFileObject first = source("Accounts",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Accounts {",
        "  @GET(\"accounts\") Call<String> accounts();",
        "}");
    JavaFileObject second = source("Reports",
        LEDGER,
        "    scopes = {\"ledger:read\"})",
        "public interface Reports {",
        "  @GET(\"reports/daily\") Call<String> daily();",
        "}");
    Compilation compilation = compile(List.of(), false, first, second);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("operation DailyReport")
        .inFile(second).onLineContaining("daily()");
  }

  // --- Documents that cannot be used: an error on the openApi value, never a crash ---

  @Test
  void missingDocumentIsAnErrorOnTheOpenApiValue() {
    JavaFileObject f = source("Ledger",
        "@TokenEndpoint(provider = Provider.PAXOS, scopes = \"transfer:read_transfer\",",
        "    openApi = \"openapi/paxos-v3.yaml\")",
        "public interface Ledger {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    Compilation compilation = compile(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiNotFound] OpenAPI document \"openapi/paxos-v3.yaml\""
            + " is not on the source path, in the class output or on the class path: keep it in"
            + " src/main/resources (Maven copies it to target/classes before compiling) or in a"
            + " jar on the class path, and name it from that root, like \"openapi/api.yaml\"")
        .inFile(f).onLineContaining("openapi/paxos-v3.yaml");
  }

  @Test
  void nameOutsideTheRootIsNotFoundRatherThanACrash() {
    JavaFileObject f = source("Ledger",
        "@TokenEndpoint(provider = Provider.PAXOS, scopes = \"transfer:read_transfer\",",
        "    openApi = \"../openapi/paxos-v2.yaml\")",
        "public interface Ledger {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    assertThat(compile(f))
        .hadErrorContaining("[Tokenwise/OpenApiNotFound] OpenAPI document"
            + " \"../openapi/paxos-v2.yaml\" is not on the source path")
        .inFile(f).onLineContaining("../openapi/paxos-v2.yaml");
  }

  @Test
  void nameWithALeadingSlashIsFoundFromTheRoot() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, openApi = \"/openapi/paxos-v2.yaml\",",
        "    scopes = {\"transfer:read_transfer\"})",
        "public interface PaxosApi {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void malformedYamlNamesTheLine() throws IOException {
    write("broken.yaml",
        "openapi: 3.0.3",
        "paths:",
        "  /a:",
        "    get: [unclosed",
        "info: {}");
    assertMalformed("broken.yaml", "it is not valid YAML (line 5, column 5: expected ',' or ']',"
        + " but got :)");
  }

  @Test
  void duplicateYamlKeyIsMalformed() throws IOException {
    write("twice.yaml",
        "openapi: 3.0.3",
        "paths:",
        "  /a: {}",
        "  /a: {}");
    assertMalformed("twice.yaml", "it is not valid YAML (line 4, column 3: found duplicate key"
        + " /a)");
  }

  @Test
  void malformedJsonNamesTheLineAndColumn() throws IOException {
    write("broken.json",
        "{\"openapi\": \"3.1.0\",",
        " \"paths\": {,}}");
    assertMalformed("broken.json", "it is not valid JSON (line 2, column 12: Unexpected character"
        + " (',' (code 44)): was expecting double-quote to start property name)");
  }

  @Test
  void duplicateJsonKeyIsMalformed() throws IOException {
    write("twice.json", "{\"openapi\": \"3.1.0\", \"openapi\": \"3.0.0\"}");
    assertMalformed("twice.json", "it is not valid JSON (line 1, column 31: Duplicate Object"
        + " property \"openapi\")");
  }

  @Test
  void swaggerTwoIsNotOpenApiThree() throws IOException {
    write("swagger.json", "{\"swagger\": \"2.0\", \"paths\": {}}");
    assertMalformed("swagger.json", "it is Swagger 2.0, not OpenAPI 3: convert it to OpenAPI 3.0"
        + " or 3.1");
  }

  @Test
  void emptyDocumentIsMalformed() throws IOException {
    write("empty.yaml", "");
    assertMalformed("empty.yaml", "it is empty");
  }

  @Test
  void wrongShapeNamesWhereItIs() throws IOException {
    write("shape.yaml",
        "openapi: 3.0.3",
        "paths:",
        "  /accounts:",
        "    get:",
        "      security: ledger");
    assertMalformed("shape.yaml", "paths./accounts.get.security is a string, not a list");
  }

  @Test
  void referenceToAnotherFileIsMalformed() throws IOException {
    write("split.yaml",
        "openapi: 3.1.0",
        "paths:",
        "  /accounts:",
        "    $ref: 'paths/accounts.yaml'");
    assertMalformed("split.yaml", "paths./accounts refers to paths/accounts.yaml in another file,"
        + " which Tokenwise does not follow: bundle the document into one file");
  }

  @Test
  void deeplyNestedDocumentsAreMalformedNotACrash() throws IOException {
    write("deep.yaml", "openapi: 3.0.3", "x-deep: " + "[".repeat(200_000));
    assertMalformed("deep.yaml", "it is nested too deeply");
    write("deep.json", "{\"openapi\": \"3.0.3\", \"x-deep\": " + "[".repeat(200_000));
    assertMalformed("deep.json", "it is nested too deeply");
  }

  @Test
  void aliasBombIsReadWithoutExpandingIt() throws IOException {
    List<String> lines = new ArrayList<>(List.of(
        "openapi: 3.0.3",
        "components:",
        "  securitySchemes:",
        "    cc: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a.example/t',"
            + " scopes: {'things:read': ''}}}}",
        "x-bomb:",
        "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"));
    for (int i = 1; i < 40; i++) {
      String previous = "*a" + (i - 1);
      lines.add("  a" + i + ": &a" + i + " [" + String.join(", ", java.util.Collections.nCopies(
          10, previous)) + "]");
    }
    lines.addAll(List.of(
        "paths:",
        "  /things:",
        "    get: {operationId: ListThings, security: [{cc: ['things:read']}]}",
        "  /bomb:",
        "    get: {operationId: Bomb, security: *a39}"));
    write("bomb.yaml", lines.toArray(String[]::new));
    assertMalformed("bomb.yaml", "paths./bomb.get.security[0] is a list, not an object");
  }

  @Test
  void documentWithoutClientCredentialsSchemeSaysWhichSchemesItHas() throws IOException {
    write("users-only.yaml",
        "openapi: 3.0.3",
        "components:",
        "  securitySchemes:",
        "    key: {type: apiKey, in: header, name: X-Key}",
        "    user:",
        "      type: oauth2",
        "      flows:",
        "        authorizationCode:",
        "          authorizationUrl: https://a.example/authorize",
        "          tokenUrl: https://a.example/token",
        "          scopes: {}",
        "paths: {}");
    JavaFileObject f = documentUser("users-only.yaml");
    assertThat(compileWithDocuments(f))
        .hadErrorContaining("[Tokenwise/OpenApiNoClientCredentials] OpenAPI document"
            + " \"users-only.yaml\" declares no OAuth2 security scheme with a clientCredentials"
            + " flow (its schemes: key (apiKey), user (oauth2: authorizationCode)), so no"
            + " operation can be checked against it: add one to components.securitySchemes, or"
            + " remove openApi")
        .inFile(f).onLineContaining("openApi = \"users-only.yaml\"");
  }

  @Test
  void documentWithoutAnySchemeSaysSo() throws IOException {
    write("open.json", "{\"openapi\": \"3.1.0\", \"paths\": {}}");
    JavaFileObject f = documentUser("open.json");
    assertThat(compileWithDocuments(f))
        .hadErrorContaining("[Tokenwise/OpenApiNoClientCredentials] OpenAPI document"
            + " \"open.json\" declares no OAuth2 security scheme with a clientCredentials flow (it"
            + " has no components.securitySchemes)")
        .inFile(f).onLineContaining("openApi = \"open.json\"");
  }

  // --- Helpers ---

  private void assertMalformed(String name, String detail) {
    JavaFileObject f = documentUser(name);
    Compilation compilation = compileWithDocuments(f);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Tokenwise/OpenApiMalformed] OpenAPI document \"" + name + "\""
            + " cannot be read: " + detail + "; give an OpenAPI 3.0 or 3.1 document in JSON or"
            + " YAML, in one file")
        .inFile(f).onLineContaining("openApi = \"" + name + "\"");
  }

  /** A CUSTOM interface naming document {@code name}, with its own line for the attribute. */
  private static JavaFileObject documentUser(String name) {
    return source("Things",
        "@TokenEndpoint(provider = Provider.CUSTOM, tokenUrl = \"https://a.example/t\",",
        "    authStyle = AuthStyle.CLIENT_SECRET_POST, scopes = \"things:read\",",
        "    openApi = \"" + name + "\")",
        "public interface Things {",
        "  @GET(\"things\") Call<String> things();",
        "}");
  }

  private void write(String name, String... lines) throws IOException {
    Files.writeString(documents.resolve(name), String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8);
  }

  /** Compiles with {@link #documents} on the class path too. */
  private Compilation compileWithDocuments(JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>(Compilations.classPath(false));
    classPath.add(documents.toFile());
    return Compiler.javac()
        .withProcessors(new TokenwiseProcessor())
        .withClasspath(classPath)
        .compile(sources);
  }
}
