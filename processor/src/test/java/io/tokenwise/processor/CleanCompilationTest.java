package io.tokenwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.tokenwise.processor.Compilations.compile;
import static io.tokenwise.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Interfaces that are right compile without a single diagnostic, and their clients too. */
class CleanCompilationTest {
  private static final List<String> STRICT = List.of("-Werror", "-Xlint:all");

  @Test
  void multiEndpointPaxosInterfaceCompilesWithoutAnyDiagnostic() {
    JavaFileObject f = source("PaxosTrading",
        "/** Path parameters are named freely: the table's {profile_id} matches {pid}. */",
        "@TokenEndpoint(provider = Provider.PAXOS, env = Env.PRODUCTION, scopes = {",
        "    \"transfer:read_transfer\",",
        "    \"funding:read_profile\",",
        "    \"exchange:read_order\",",
        "    \"exchange:write_order\",",
        "    \"rewards:write_payout_groups\"})",
        "public interface PaxosTrading {",
        "  @GET(\"transfer/transfers\")",
        "  Call<String> transfers(@Query(\"limit\") int limit);",
        "",
        "  @GET(\"transfer/transfers/{transferId}\")",
        "  Call<String> transfer(@Path(\"transferId\") String transferId);",
        "",
        "  @GET(\"profiles/{profileId}/balances/{assetCode}\")",
        "  Call<String> balance(@Path(\"profileId\") String profile,",
        "      @Path(\"assetCode\") String asset);",
        "",
        "  @POST(\"profiles/{pid}/orders\")",
        "  CompletableFuture<String> placeOrder(@Path(\"pid\") String pid, @Body String order);",
        "",
        "  @DELETE(\"profiles/{pid}/orders/{orderId}\")",
        "  Call<Void> cancelOrder(@Path(\"pid\") String pid, @Path(\"orderId\") String orderId);",
        "",
        "  @HTTP(method = \"GET\", path = \"orders?order_by=CREATED_AT\")",
        "  CompletableFuture<List<String>> orders();",
        "",
        "  /** Alternatives: rewards:write_payout_groups is one way to cover it. */",
        "  @PUT(\"rewards/payout-groups/{groupId}\")",
        "  Call<String> renameGroup(@Path(\"groupId\") String groupId, @Body String group);",
        "",
        "  /** Public: no scope needed. */",
        "  @GET(\"markets/{market}/ticker\")",
        "  Call<String> ticker(@Path(\"market\") String market);",
        "",
        "  /** The table asks for a token but no particular scope. */",
        "  @GET(\"travelrule/vasps\")",
        "  Call<String> vasps();",
        "",
        "  /** Newer than the table: the user vouches for its scopes. */",
        "  @RequiresScopes(\"transfer:read_transfer\")",
        "  @GET(\"transfer/transfer-previews\")",
        "  Call<String> previews();",
        "",
        "  @GET",
        "  Call<String> page(@Url String nextPage);",
        "",
        "  static String describe() { return \"Paxos trading\"; }",
        "",
        "  default Call<String> firstTransfers() { return transfers(10); }",
        "}");
    Compilation compilation = compile(STRICT, false, f);
    // The generated client is compiled in the same javac run, so -Werror covers it too.
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation).generatedSourceFile("com.acme.PaxosTradingClient");
  }

  @Test
  void loopbackHttpUrlsAndRootBasePathsAreAccepted() {
    JavaFileObject f = source("LocalLedger",
        "@TokenEndpoint(provider = Provider.CUSTOM,",
        "    tokenUrl = \"http://127.0.0.1:8080/oauth2/token\",",
        "    baseUrl = \"http://localhost:8081/\",",
        "    authStyle = AuthStyle.CLIENT_SECRET_POST)",
        "interface LocalLedger {",
        "  /** The base path is '/', so a leading '/' drops nothing. */",
        "  @GET(\"/entries\")",
        "  Call<String> entries();",
        "}");
    Compilation compilation = compile(STRICT, false, f);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.LocalLedgerClient");
  }

  /**
   * Every client inherits the member type {@code Builder} from {@code GeneratedClient}: inside
   * the client's body it hides a user's type of that name, which must then be written qualified.
   */
  @Test
  void interfacesNamedLikeTheInheritedBuilderCompile() {
    JavaFileObject topLevel = source("Builder",
        "@TokenEndpoint(provider = Provider.PAXOS, scopes = \"transfer:read_transfer\")",
        "public interface Builder {",
        "  @GET(\"transfer/transfers\")",
        "  Call<String> transfers();",
        "",
        "  @TokenEndpoint(provider = Provider.MANGOPAY)",
        "  interface Users {",
        "    @GET(\"users\")",
        "    Call<String> users();",
        "  }",
        "}");
    JavaFileObject nested = source("Builders",
        "public interface Builders {",
        "  @TokenEndpoint(provider = Provider.PAXOS, scopes = \"transfer:read_transfer\")",
        "  interface Builder {",
        "    @GET(\"transfer/transfers\")",
        "    Call<String> transfers();",
        "  }",
        "}");
    for (boolean inject : List.of(false, true)) {
      // The generated @Inject stays unclaimed for Dagger's sake: -processing (processor/README.md).
      List<String> options = inject
          ? List.of("-Werror", "-Xlint:all,-processing", "-Atokenwise.inject=jakarta") : STRICT;
      Compilation compilation = compile(options, inject, topLevel, nested);
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("com.acme.BuilderClient");
      assertThat(compilation).generatedSourceFile("com.acme.Builder_UsersClient");
      assertThat(compilation).generatedSourceFile("com.acme.Builders_BuilderClient");
    }
  }

  @Test
  void typesGeneratedByAnotherProcessorAreWaitedFor() {
    JavaFileObject f = source("PayswayApi",
        "@TokenEndpoint(provider = Provider.PAYSWAY)",
        "public interface PayswayApi {",
        "  @GET(\"v1/payments\") Call<PaymentPage> payments();",
        "}");
    Compilation compilation = Compiler.javac()
        .withProcessors(new SourceGenerator("com.acme.PaymentPage",
            "package com.acme;\npublic final class PaymentPage {}\n"), new TokenwiseProcessor())
        .withClasspath(Compilations.classPath(false))
        .withOptions(List.of("-Xlint:all,-processing", "-Werror"))
        .compile(f);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.PayswayApiClient");
  }

  @Test
  void methodsInheritedFromAGeneratedInterfaceAreCheckedOnceItExists() {
    JavaFileObject f = source("PaxosApi",
        "@TokenEndpoint(provider = Provider.PAXOS, scopes = \"transfer:read_transfer\")",
        "public interface PaxosApi extends ProfileCalls {",
        "  @GET(\"transfer/transfers\") Call<String> transfers();",
        "}");
    // Had the processor judged PaxosApi in the first round, the unresolved supertype would have
    // hidden profiles() and its missing scope.
    Compilation compilation = Compiler.javac()
        .withProcessors(new SourceGenerator("com.acme.ProfileCalls",
            "package com.acme;\n"
                + "public interface ProfileCalls {\n"
                + "  @retrofit2.http.GET(\"profiles\") retrofit2.Call<String> profiles();\n"
                + "}\n"), new TokenwiseProcessor())
        .withClasspath(Compilations.classPath(false))
        .compile(f);
    assertThat(compilation).hadErrorContaining("[Tokenwise/MissingScope] GET profiles is the"
        + " Paxos operation ListProfiles, which needs funding:read_profile");
  }

  @Test
  void outputIsTheSameEveryTime() throws IOException {
    JavaFileObject f = source("PayswayApi",
        "@TokenEndpoint(provider = Provider.PAYSWAY)",
        "public interface PayswayApi {",
        "  @GET(\"v1/payments\") Call<String> payments();",
        "}");
    String first = compile(f).generatedSourceFile("com.acme.PayswayApiClient").orElseThrow()
        .getCharContent(true).toString();
    String second = compile(f).generatedSourceFile("com.acme.PayswayApiClient").orElseThrow()
        .getCharContent(true).toString();
    assertThat(second).isEqualTo(first);
    assertThat(first).contains("@Generated(\"io.tokenwise.processor.TokenwiseProcessor\")");
    assertThat(first).doesNotContainMatch("date|\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void processorIsRegisteredAndIsolatingForGradle() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors").strip())
        .isEqualTo("io.tokenwise.processor.TokenwiseProcessor,isolating");
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor").strip())
        .isEqualTo("io.tokenwise.processor.TokenwiseProcessor");
    assertThat(new TokenwiseProcessor().getSupportedSourceVersion())
        .isEqualTo(SourceVersion.latestSupported());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TokenwiseProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
