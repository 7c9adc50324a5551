package io.tokenwise.spring;

import io.tokenwise.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The generated clients of the application, as the Tokenwise processor listed them: one resource
 * per interface under {@code META-INF/tokenwise/clients/}. Reading one folder of known resources
 * replaces scanning classes.
 */
final class ClientIndex {
  static final String LOCATION = "classpath*:META-INF/tokenwise/clients/*";

  /**
   * One generated client.
   *
   * @param interfaceName the annotated interface's binary name
   * @param clientName the generated client's binary name
   * @param provider the interface's provider
   * @param name its configuration name: {@code tokenwise.clients.<name>}
   */
  record Entry(String interfaceName, String clientName, Provider provider, String name) {
    /** The name Spring knows the bean by: the configuration name in camel case. */
    String beanName() {
      StringBuilder bean = new StringBuilder();
      boolean upper = false;
      for (char c : name.toCharArray()) {
        if (c == '-') {
          upper = true;
        } else {
          bean.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return bean.toString();
    }
  }

  private ClientIndex() {}

  /**
   * Every entry on {@code classLoader}'s class path, sorted by configuration name. The same
   * interface found twice (two copies of a jar) counts once; two interfaces with one
   * configuration name are an error naming both.
   */
  static List<Entry> load(ClassLoader classLoader) {
    Map<String, Entry> byInterface = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver(classLoader)
          .getResources(LOCATION)) {
        Entry entry = read(resource);
        byInterface.putIfAbsent(entry.interfaceName(), entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the Tokenwise client index (" + LOCATION
          + ")", e);
    }
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (Entry entry : byInterface.values()) {
      Entry other = byName.putIfAbsent(entry.name(), entry);
      if (other != null) {
        throw new IllegalStateException("Two Tokenwise clients have the configuration name '"
            + entry.name() + "': " + other.interfaceName() + " and " + entry.interfaceName()
            + ". Rename one of the interfaces: tokenwise.clients." + entry.name()
            + ".* could not tell them apart");
      }
    }
    List<Entry> entries = new ArrayList<>(byName.values());
    entries.sort(Comparator.comparing(Entry::name));
    return List.copyOf(entries);
  }

  private static Entry read(Resource resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(in);
    }
    String interfaceName = properties.getProperty("interface");
    String clientName = properties.getProperty("client");
    String provider = properties.getProperty("provider");
    String name = properties.getProperty("name");
    if (interfaceName == null || clientName == null || provider == null || name == null) {
      throw new IllegalStateException("Tokenwise client index entry " + resource
          + " lacks interface, client, provider or name: rebuild it with the same Tokenwise"
          + " version as the starter");
    }
    return new Entry(interfaceName, clientName, Provider.valueOf(provider), name);
  }
}
