package io.tokenwise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Finds the generated client of an annotated interface by naming convention: {@code
 * com.acme.PaxosTransfers} is served by {@code com.acme.PaxosTransfersClient}, a nested {@code
 * Outer.Inner} by {@code Outer_InnerClient}.
 */
public final class Tokenwise {
  /** {@code <Interface>Client.create(credentials)}, found without naming the generated class. */
  public static <T> T create(Class<T> api, ClientCredentials credentials) {
    Objects.requireNonNull(api, "api == null");
    Objects.requireNonNull(credentials, "credentials == null");
    if (!api.isAnnotationPresent(TokenEndpoint.class)) {
      throw new IllegalArgumentException(api.getName() + " is not annotated @TokenEndpoint:"
          + " annotate it so the Tokenwise processor generates its client");
    }
    String clientName = clientName(api);
    Method create;
    try {
      Class<?> client = Class.forName(clientName, true, api.getClassLoader());
      create = client.getDeclaredMethod("create", ClientCredentials.class);
      create.setAccessible(true);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("No generated client " + clientName + " for "
          + api.getName() + ". Likely causes: the Tokenwise processor is not on the annotation"
          + " processor path (Maven: add io.tokenwise:tokenwise-processor to maven-compiler-plugin's"
          + " annotationProcessorPaths; Gradle: annotationProcessor); on JDK 23+ processors found"
          + " on the class path no longer run (pass -proc:full or use the processor path); or the"
          + " compilation that should have generated it reported an error", e);
    }
    try {
      return api.cast(create.invoke(null, credentials));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + clientName + ".create", e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code a.b.Outer$Inner} → {@code a.b.Outer_InnerClient}. */
  static String clientName(Class<?> api) {
    String packageName = api.getPackageName();
    String binary = api.getName();
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    String generated = simple.replace('$', '_') + "Client";
    return packageName.isEmpty() ? generated : packageName + "." + generated;
  }

  private Tokenwise() {}
}
