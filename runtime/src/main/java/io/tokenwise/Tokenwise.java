package io.tokenwise;

import io.tokenwise.internal.ClientNaming;
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
      throw new IllegalStateException(missingClient(api, clientName), e);
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

  /** Why {@code clientName} may be missing, the likeliest cause first. */
  private static String missingClient(Class<?> api, String clientName) {
    // javac hands processors only top-level types and their members: never a local one.
    String local = api.isLocalClass() || api.isAnonymousClass()
        ? " It is a local or anonymous interface (declared inside a method), and javac never"
            + " hands those to annotation processors: declare it at top level or as a member of"
            + " a class. Other causes:"
        : " Likely causes:";
    return "No generated client " + clientName + " for " + api.getName() + "." + local
        + " the Tokenwise processor is not on the annotation processor path (Maven: add"
        + " io.tokenwise:tokenwise-processor to maven-compiler-plugin's annotationProcessorPaths;"
        + " Gradle: annotationProcessor); JDK 23+ no longer runs processors found only on the"
        + " class path (use annotationProcessorPaths, or <proc>full</proc> / -proc:full); or the"
        + " compilation that should have generated it reported an error";
  }

  /** {@code a.b.Outer$Inner} → {@code a.b.Outer_InnerClient}, as the processor names it. */
  static String clientName(Class<?> api) {
    return ClientNaming.clientName(api.getPackageName(), api.getName());
  }

  private Tokenwise() {}
}
