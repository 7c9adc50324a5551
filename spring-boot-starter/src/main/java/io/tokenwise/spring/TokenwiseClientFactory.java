package io.tokenwise.spring;

import io.tokenwise.ClientBuilder;
import io.tokenwise.ClientCredentials;
import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import io.tokenwise.internal.Nearest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Builds the generated clients of the {@link ClientIndex} from {@link TokenwiseProperties}, on the
 * shared {@link OkHttpClient} and {@link TokenCache}. A client's own setting wins over its
 * provider's default, which wins over the interface's annotation. Checks at start-up that every
 * {@code tokenwise.clients.<name>} names a generated client.
 */
public final class TokenwiseClientFactory {
  private final List<ClientIndex.Entry> index;
  private final TokenwiseProperties properties;
  private final OkHttpClient okHttpClient;
  private final TokenCache tokenCache;
  private final ClassLoader classLoader;
  private final Set<Provider> built = Collections.synchronizedSet(new TreeSet<>());

  TokenwiseClientFactory(List<ClientIndex.Entry> index, TokenwiseProperties properties,
      OkHttpClient okHttpClient, TokenCache tokenCache, ClassLoader classLoader) {
    this.index = index;
    this.properties = properties;
    this.okHttpClient = okHttpClient;
    this.tokenCache = tokenCache;
    this.classLoader = classLoader;
    checkClientNames();
  }

  /** The clients the index lists. */
  List<ClientIndex.Entry> index() {
    return index;
  }

  /** Providers of the clients built so far. */
  Set<Provider> builtProviders() {
    synchronized (built) {
      return Set.copyOf(built);
    }
  }

  /** A typo in {@code tokenwise.clients.<name>} would leave a client unconfigured: fail now. */
  private void checkClientNames() {
    List<String> names = new ArrayList<>();
    index.forEach(entry -> names.add(entry.name()));
    for (String configured : properties.getClients().keySet()) {
      if (find(configured) == null) {
        throw new IllegalStateException("tokenwise.clients." + configured + " names no generated"
            + " Tokenwise client" + nearest(configured, names) + ". Generated clients: " + names
            + " (an interface annotated @TokenEndpoint, compiled with the Tokenwise processor)");
      }
    }
  }

  private ClientIndex.Entry find(String configured) {
    for (ClientIndex.Entry entry : index) {
      if (normalized(entry.name()).equals(normalized(configured))) {
        return entry;
      }
    }
    return null;
  }

  /**
   * Map keys from environment variables lose their dashes ({@code
   * TOKENWISE_CLIENTS_PAXOSTRANSFERS_CLIENTID} binds key {@code paxostransfers}): keys match
   * without dashes and case, like the rest of Spring Boot's relaxed binding.
   */
  private static String normalized(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The class loader the generated clients (and Boot 3's health API) are loaded from. */
  ClassLoader classLoader() {
    return classLoader;
  }

  /**
   * The client of the indexed interface {@code interfaceName} (its binary name), configured from
   * the properties: the factory method of the client beans. A factory method on this bean, with
   * the name as a constructor argument, rather than an instance supplier, so that Spring AOT can
   * write the bean definitions as code (native images).
   */
  public Object client(String interfaceName) {
    for (ClientIndex.Entry entry : index) {
      if (entry.interfaceName().equals(interfaceName)) {
        return create(entry);
      }
    }
    throw new IllegalStateException("The Tokenwise client index lists no client of "
        + interfaceName + ": rebuild the module of " + interfaceName + " with the Tokenwise"
        + " processor (an AOT-processed application must be processed again after that)");
  }

  /** The client of {@code entry}, configured from the properties. */
  private Object create(ClientIndex.Entry entry) {
    String prefix = "tokenwise.clients." + entry.name();
    TokenwiseProperties.Client own = clientProperties(entry.name());
    TokenwiseProperties.Client defaults =
        properties.getProviders().getOrDefault(entry.provider(), new TokenwiseProperties.Client());
    String providerPrefix = "tokenwise.providers."
        + entry.provider().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String clientId = pick(own, defaults, TokenwiseProperties.Client::getClientId);
    String clientSecret = pick(own, defaults, TokenwiseProperties.Client::getClientSecret);
    if (isMissing(clientId)) {
      throw missing(entry, prefix + ".client-id", providerPrefix + ".client-id");
    }
    if (isMissing(clientSecret)) {
      throw missing(entry, prefix + ".client-secret", providerPrefix + ".client-secret");
    }
    ClientBuilder<?, ?> builder = builder(entry)
        .credentials(ClientCredentials.of(clientId, clientSecret))
        .okHttpClient(okHttpClient)
        .tokenCache(tokenCache);
    var env = pick(own, defaults, TokenwiseProperties.Client::getEnv);
    if (env != null) {
      builder.env(env);
    }
    String baseUrl = pick(own, defaults, TokenwiseProperties.Client::getBaseUrl);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    String tokenUrl = pick(own, defaults, TokenwiseProperties.Client::getTokenUrl);
    if (tokenUrl != null) {
      builder.tokenUrl(tokenUrl);
    }
    Object client;
    try {
      client = builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The builder says what to set; say where, in the properties.
      throw new IllegalStateException("Tokenwise client " + entry.name() + " ("
          + entry.interfaceName() + "): " + e.getMessage() + " (set it with " + prefix
          + ".* or " + providerPrefix + ".*)", e);
    }
    built.add(entry.provider());
    return client;
  }

  private TokenwiseProperties.Client clientProperties(String name) {
    for (Map.Entry<String, TokenwiseProperties.Client> configured
        : properties.getClients().entrySet()) {
      if (normalized(configured.getKey()).equals(normalized(name))) {
        return configured.getValue();
      }
    }
    return new TokenwiseProperties.Client();
  }

  private static <V> V pick(TokenwiseProperties.Client own, TokenwiseProperties.Client defaults,
      Function<TokenwiseProperties.Client, V> setting) {
    V value = setting.apply(own);
    return value != null ? value : setting.apply(defaults);
  }

  /**
   * Blank, or a placeholder Spring left as it was: configuration binding keeps an unresolvable
   * {@code ${PAXOS_CLIENT_SECRET}} as text, which would otherwise go out as the secret.
   */
  private static boolean isMissing(String value) {
    return value == null || value.isBlank() || value.contains("${");
  }

  private static IllegalStateException missing(ClientIndex.Entry entry, String property,
      String providerDefault) {
    return new IllegalStateException("Tokenwise client " + entry.name() + " ("
        + entry.interfaceName() + ") has no credentials: set " + property + " (or "
        + providerDefault + " for every " + entry.provider() + " client), for example from an"
        + " environment variable: " + property.replace('.', '_').replace("-", "")
        .toUpperCase(Locale.ROOT));
  }

  /** The generated {@code builder()}, also of a package-private client. */
  private ClientBuilder<?, ?> builder(ClientIndex.Entry entry) {
    try {
      Class<?> client = Class.forName(entry.clientName(), true, classLoader);
      Method builder = client.getDeclaredMethod("builder");
      builder.setAccessible(true);
      return (ClientBuilder<?, ?>) builder.invoke(null);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("The Tokenwise client index lists " + entry.clientName()
          + ", which is not on the class path: rebuild the module of " + entry.interfaceName(),
          e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("could not create the builder of " + entry.clientName(),
          e.getCause());
    }
  }

  private static String nearest(String name, List<String> names) {
    return Nearest.typoOf(name, names).map(best -> " (did you mean tokenwise.clients." + best + "?)")
        .orElse("");
  }
}
