package io.tokenwise.spring;

import java.lang.reflect.Method;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image of the application needs to run its generated clients, registered when
 * Spring AOT processes it ({@code spring-boot:process-aot}): for each indexed client the
 * reflection and proxy Tokenwise and Retrofit use, and the resources tokenwise-runtime reads. The
 * index itself needs none: it is read at build time ({@link IndexedClients}). The JSON bodies
 * (the interface's records, custom Moshi adapters) are the application's to register.
 */
final class TokenwiseRuntimeHints implements RuntimeHintsRegistrar {
  /**
   * What tokenwise-runtime reads at run time: the versions {@code ClassPathCheck} compares
   * against and the class files it finds the libraries by, and the Paxos operation table.
   */
  static final String[] RUNTIME_RESOURCES = {"io/tokenwise/versions.properties",
      "io/tokenwise/internal/*.tsv", "okhttp3/OkHttpClient.class", "okio/Okio.class",
      "kotlin/KotlinVersion.class"};

  @Override
  public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
    ClassLoader loader = classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader();
    for (String resource : RUNTIME_RESOURCES) {
      hints.resources().registerPattern(resource);
    }
    for (ClientIndex.Entry entry : ClientIndex.load(loader)) {
      Class<?> api = resolve(entry.interfaceName(), entry, loader);
      Class<?> client = resolve(entry.clientName(), entry, loader);
      // TokenwiseClientFactory calls builder(); Tokenwise.create(api, ...) calls create(...).
      for (Method method : client.getDeclaredMethods()) {
        if (method.getName().equals("builder") || method.getName().equals("create")) {
          hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
        }
      }
      // Retrofit: a JDK proxy of the interface, whose methods' annotations and generic
      // parameter and return types it reads.
      hints.proxies().registerJdkProxy(api);
      hints.reflection().registerType(api, MemberCategory.INVOKE_PUBLIC_METHODS);
    }
  }

  private static Class<?> resolve(String name, ClientIndex.Entry entry, ClassLoader loader) {
    try {
      return ClassUtils.forName(name, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("The Tokenwise client index lists " + name + ", which is"
          + " not on the class path: rebuild the module of " + entry.interfaceName()
          + " before processing the application ahead of time", e);
    }
  }
}
