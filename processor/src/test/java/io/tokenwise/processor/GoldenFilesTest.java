package io.tokenwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated source of one interface per provider, a nested interface and the injection
 * variant, compared with the expected files under {@code src/test/resources/golden/<case>/}
 * ({@code input/} holds the interface, {@code expected/} the client).
 *
 * <p>After an intended change to the generated code, regenerate the expected files with
 * {@code mvn -B -q -pl processor -am test -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtokenwise.regenerateGoldens=true}
 * and review the diff before committing it.
 */
class GoldenFilesTest {
  /** Writes actual outputs over the expected files instead of comparing. */
  private static final boolean REGENERATE = Boolean.getBoolean("tokenwise.regenerateGoldens");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "paxos,    com/acme/PaxosTransfers.java,    com.acme.PaxosTransfersClient,    false",
      "mangopay, com/acme/MangopayUsers.java,     com.acme.MangopayUsersClient,     false",
      "paysway,  com/acme/PayswayPayments.java,   com.acme.PayswayPaymentsClient,   false",
      "papaya,   com/acme/PapayaPayroll.java,     com.acme.PapayaPayrollClient,     false",
      "custom,   com/acme/LedgerApi.java,         com.acme.LedgerApiClient,         false",
      "nested,   com/acme/Banking.java,           com.acme.Banking_AccountsClient,  false",
      "inject,   com/acme/InjectedTransfers.java, com.acme.InjectedTransfersClient, true",
  })
  void generatedClientMatchesGoldenFile(String caseName, String input, String client,
      boolean withInject) throws IOException {
    JavaFileObject source =
        JavaFileObjects.forResource("golden/" + caseName + "/input/" + input);
    // The generated code itself must be warning-free. javac's processing lint is left out only
    // with jakarta.inject: @Inject belongs to the DI container's processor, which is absent here.
    List<String> options = withInject
        ? List.of("-Xlint:all,-processing", "-Werror", "-Atokenwise.inject=jakarta")
        : List.of("-Xlint:all", "-Werror");
    Compilation compilation = Compilations.compile(options, withInject, source);
    assertThat(compilation).succeededWithoutWarnings();

    String expected = "golden/" + caseName + "/expected/" + client.replace('.', '/') + ".java";
    if (REGENERATE) {
      String actual = compilation.generatedSourceFile(client).orElseThrow()
          .getCharContent(true).toString();
      Path target = Path.of(System.getProperty("tokenwise.goldenDir", "src/test/resources/golden"))
          .resolve(expected.substring("golden/".length()));
      Files.createDirectories(target.getParent());
      Files.writeString(target, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(compilation)
        .generatedSourceFile(client)
        .hasSourceEquivalentTo(JavaFileObjects.forResource(expected));
  }
}
