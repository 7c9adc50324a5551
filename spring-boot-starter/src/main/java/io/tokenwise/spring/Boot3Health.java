package io.tokenwise.spring;

import io.tokenwise.Provider;
import io.tokenwise.TokenCache;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tokenwise} health on Spring Boot 3.5, whose health API lives in another package than
 * Boot 4's (the starter is compiled against Boot 4): the same {@link ProviderHealth}, shown through
 * Boot 3's {@code CompositeHealthContributor} and {@code HealthIndicator}, reached by name.
 * Everything Boot-3-specific is in this class.
 */
final class Boot3Health {
  static final String PACKAGE = "org.springframework.boot.actuate.health.";
  static final String INDICATOR = PACKAGE + "HealthIndicator";
  static final String COMPOSITE = PACKAGE + "CompositeHealthContributor";

  private final ClassLoader classLoader;
  private final ProviderHealth health;

  private Boot3Health(ClassLoader classLoader, ProviderHealth health) {
    this.classLoader = classLoader;
    this.health = health;
  }

  /**
   * The {@code tokenwiseHealthContributor} bean on Boot 3 (ClientRegistrar's factory method): a
   * Boot 3 {@code CompositeHealthContributor} of one indicator per provider.
   */
  static Object contributor(TokenHealth health, TokenCache cache,
      TokenwiseClientFactory clients) {
    return composite(clients.classLoader(), new ProviderHealth(health, cache, clients));
  }

  /** A Boot 3 {@code CompositeHealthContributor} of one indicator per provider. */
  static Object composite(ClassLoader classLoader, ProviderHealth health) {
    Boot3Health boot3 = new Boot3Health(classLoader, health);
    return boot3.proxy(COMPOSITE, (proxy, method, args) -> {
      switch (method.getName()) {
        case "getContributor":
          Provider provider = health.named((String) args[0]);
          return provider == null ? null : boot3.indicator(provider);
        case "iterator":
          List<Object> named = new ArrayList<>();
          Method of = Class.forName(PACKAGE + "NamedContributor", false, classLoader)
              .getMethod("of", String.class, Object.class);
          for (Provider each : health.providers()) {
            named.add(of.invoke(null, ProviderHealth.name(each), boot3.indicator(each)));
          }
          return named.iterator();
        default:
          return null; // not reached: see proxy()
      }
    });
  }

  private Object indicator(Provider provider) {
    return proxy(INDICATOR, (proxy, method, args) -> {
      TokenHealth.State state = health.state(provider);
      Class<?> type = Class.forName(PACKAGE + "Health", false, classLoader);
      Object builder = type.getMethod("status", String.class).invoke(null, state.status());
      builder.getClass().getMethod("withDetails", Map.class).invoke(builder, state.details());
      return builder.getClass().getMethod("build").invoke(builder);
    });
  }

  /** A proxy of {@code type} whose abstract methods {@code handler} answers. */
  private Object proxy(String type, InvocationHandler handler) {
    try {
      Class<?> api = Class.forName(type, false, classLoader);
      return Proxy.newProxyInstance(classLoader, new Class<?>[] {api}, (proxy, method, args) -> {
        if (method.getDeclaringClass() == Object.class) {
          switch (method.getName()) {
            case "equals":
              return proxy == args[0];
            case "hashCode":
              return System.identityHashCode(proxy);
            default:
              return "Tokenwise " + api.getSimpleName();
          }
        }
        if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return handler.invoke(proxy, method, args);
      });
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Spring Boot 3 health API not found: " + type, e);
    }
  }
}
