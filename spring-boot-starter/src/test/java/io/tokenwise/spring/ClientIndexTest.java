package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index as the processor writes it, read from class-path folders as a user's jars hold it. */
class ClientIndexTest {
  @TempDir Path first;
  @TempDir Path second;

  private static void index(Path root, String interfaceName, String name) throws IOException {
    Path entry = root.resolve("META-INF/tokenwise/clients/" + interfaceName);
    Files.createDirectories(entry.getParent());
    Files.writeString(entry, "interface=" + interfaceName + "\nclient=" + interfaceName
        + "Client\nprovider=PAXOS\nname=" + name + "\n");
  }

  private static List<ClientIndex.Entry> load(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      return ClientIndex.load(loader);
    }
  }

  @Test
  void twoInterfacesWithOneConfigurationNameFailNamingBoth() throws IOException {
    index(first, "com.acme.treasury.PaxosTransfers", "paxos-transfers");
    index(second, "com.acme.payroll.PaxosTransfers", "paxos-transfers");

    assertThatThrownBy(() -> load(first, second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Two Tokenwise clients have the configuration name 'paxos-transfers':"
            + " com.acme.treasury.PaxosTransfers and com.acme.payroll.PaxosTransfers. Rename one"
            + " of the interfaces: tokenwise.clients.paxos-transfers.* could not tell them apart");
  }

  @Test
  void theSameInterfaceInTwoJarsCountsOnce() throws IOException {
    index(first, "com.acme.PaxosTransfers", "paxos-transfers");
    index(second, "com.acme.PaxosTransfers", "paxos-transfers");
    index(second, "com.acme.Banking$Accounts", "banking-accounts");

    assertThat(load(first, second)).extracting(ClientIndex.Entry::name)
        .containsExactly("banking-accounts", "paxos-transfers");
  }

  @Test
  void anEntryWithoutItsProviderAsksForARebuild() throws IOException {
    Path entry = first.resolve("META-INF/tokenwise/clients/com.acme.Old");
    Files.createDirectories(entry.getParent());
    Files.writeString(entry, "interface=com.acme.Old\nclient=com.acme.OldClient\n");

    assertThatThrownBy(() -> load(first))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks interface, client, provider or name: rebuild it with the"
            + " same Tokenwise version as the starter");
  }
}
