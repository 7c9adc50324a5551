package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenwise.ClientCredentials;
import io.tokenwise.examples.MangopayUsers;
import io.tokenwise.examples.MangopayUsersClient;
import io.tokenwise.examples.PaxosTransfers;
import io.tokenwise.examples.PaxosTransfersClient;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * The hints a native image of the test application gets: per indexed client (the examples
 * module's five) the builder, the proxy and the interface's methods; the runtime's resources.
 */
class TokenwiseRuntimeHintsTest {
  private final RuntimeHints hints = new RuntimeHints();

  @Test
  void everyIndexedClientGetsItsBuilderItsProxyAndItsMethods() throws Exception {
    new TokenwiseRuntimeHints().registerHints(hints, getClass().getClassLoader());

    assertThat(RuntimeHintsPredicates.reflection().onMethod(PaxosTransfersClient.class, "builder")
        .invoke()).accepts(hints);
    assertThat(RuntimeHintsPredicates.reflection().onMethod(
        PaxosTransfersClient.class.getDeclaredMethod("create", ClientCredentials.class))
        .invoke()).accepts(hints);
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(PaxosTransfers.class))
        .accepts(hints);
    // Retrofit reads each method's annotations and generic types.
    assertThat(RuntimeHintsPredicates.reflection().onMethod(PaxosTransfers.class, "transfers")
        .invoke()).accepts(hints);
    assertThat(RuntimeHintsPredicates.reflection().onMethod(MangopayUsersClient.class, "builder")
        .invoke()).accepts(hints);
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(MangopayUsers.class))
        .accepts(hints);

    // One proxy per indexed interface, nothing else.
    assertThat(hints.proxies().jdkProxyHints().map(proxy -> proxy.getProxiedInterfaces())
        .map(interfaces -> interfaces.stream().map(TypeReference::getName).toList()))
        .containsExactlyInAnyOrder(List.of("io.tokenwise.examples.Auth0Users"),
            List.of("io.tokenwise.examples.MangopayUsers"),
            List.of("io.tokenwise.examples.PapayaWorkers"),
            List.of("io.tokenwise.examples.PaxosTransfers"),
            List.of("io.tokenwise.examples.PayswayPayments"));
    // The DTOs are the application's (Moshi): no hint for them.
    assertThat(RuntimeHintsPredicates.reflection().onType(PaxosTransfers.TransferPage.class))
        .rejects(hints);
  }

  @Test
  void whatTheRuntimeReadsIsIncluded() {
    new TokenwiseRuntimeHints().registerHints(hints, getClass().getClassLoader());

    assertThat(RuntimeHintsPredicates.resource().forResource("io/tokenwise/versions.properties"))
        .accepts(hints);
    assertThat(RuntimeHintsPredicates.resource()
        .forResource("io/tokenwise/internal/paxos-operations.tsv")).accepts(hints);
    assertThat(RuntimeHintsPredicates.resource().forResource("okhttp3/OkHttpClient.class"))
        .accepts(hints);
  }

  @Test
  void anIndexedClientMissingFromTheClassPathFailsTheProcessingNamingIt(@TempDir Path root)
      throws IOException {
    Path entry = root.resolve("META-INF/tokenwise/clients/com.acme.Gone");
    Files.createDirectories(entry.getParent());
    Files.writeString(entry, "interface=com.acme.Gone\nclient=com.acme.GoneClient\n"
        + "provider=PAXOS\nname=gone\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> new TokenwiseRuntimeHints().registerHints(hints, loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("The Tokenwise client index lists com.acme.Gone, which is not on the class"
              + " path: rebuild the module of com.acme.Gone before processing the application"
              + " ahead of time");
    }
  }
}
