package io.tokenwise.testing;

import io.tokenwise.ClientBuilder;
import io.tokenwise.TokenEndpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Finds what users never name: the generated builder of an interface. */
final class GeneratedClients {
  /**
   * {@code <Interface>Client.builder()}, found by the naming convention of {@code
   * Tokenwise.create} (docs/DESIGN.md): {@code a.b.Outer.Inner} is served by {@code
   * a.b.Outer_InnerClient}.
   */
  static <T> ClientBuilder<T, ?> builder(Class<T> api) {
    if (!api.isAnnotationPresent(TokenEndpoint.class)) {
      throw new IllegalArgumentException(api.getName() + " is not annotated @TokenEndpoint:"
          + " the emulator points generated clients of @TokenEndpoint interfaces only");
    }
    String name = api.getName();
    int dot = name.lastIndexOf('.');
    String client = name.substring(0, dot + 1) + name.substring(dot + 1).replace('$', '_')
        + "Client";
    try {
      Method builder = Class.forName(client, true, api.getClassLoader()).getMethod("builder");
      builder.setAccessible(true);
      ClientBuilder<?, ?> made = (ClientBuilder<?, ?>) builder.invoke(null);
      @SuppressWarnings("unchecked") // the generated builder of T builds a T
      ClientBuilder<T, ?> typed = (ClientBuilder<T, ?>) made;
      return typed;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("No generated client " + client + " for " + name
          + ": is tokenwise-processor on the annotation processor path of the compilation"
          + " that holds " + api.getSimpleName() + "?", e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + client + ".builder()", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(client + ".builder() failed", e.getCause());
    }
  }

  private GeneratedClients() {}
}
