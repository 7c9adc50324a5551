package io.tokenwise.spring;

import io.tokenwise.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ClientIndex} as the beans use it, read once by {@link ClientRegistrar} and held by
 * the {@code tokenwiseIndexedClients} bean as constant strings. Under Spring AOT the strings are
 * written into the generated code at build time, so a native image lists no class-path folder
 * (which it cannot do reliably) to find its clients.
 */
final class IndexedClients {
  /** The bean's name. */
  static final String BEAN = "tokenwiseIndexedClients";

  private final List<ClientIndex.Entry> entries;

  private IndexedClients(List<ClientIndex.Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The bean's factory method: one {@code "<interface> <client> <provider> <name>"} per client,
   * as {@link #lines} wrote them (binary names and configuration names hold no space).
   */
  static IndexedClients of(String... lines) {
    List<ClientIndex.Entry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      entries.add(new ClientIndex.Entry(fields[0], fields[1], Provider.valueOf(fields[2]),
          fields[3]));
    }
    return new IndexedClients(entries);
  }

  /** {@code entries} as the arguments of {@link #of}. */
  static String[] lines(List<ClientIndex.Entry> entries) {
    return entries.stream().map(entry -> String.join(" ", entry.interfaceName(),
        entry.clientName(), entry.provider().name(), entry.name())).toArray(String[]::new);
  }

  /** The clients, sorted by configuration name as the index lists them. */
  List<ClientIndex.Entry> entries() {
    return entries;
  }
}
