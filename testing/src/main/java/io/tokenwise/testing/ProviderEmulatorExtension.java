package io.tokenwise.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link ProviderEmulator} for each test and stops it afterwards, on free loopback ports:
 *
 * <pre>{@code
 * @ExtendWith(ProviderEmulatorExtension.class)
 * class TransfersServiceTest {
 *   ProviderEmulator emulator;                  // a new one for each test
 *
 *   @Test void refreshesAnExpiredToken(VirtualClock clock) throws IOException {
 *     PaxosTransfers paxos = emulator.client(PaxosTransfers.class);
 *     paxos.transfers(10).execute();
 *     clock.advance(Duration.ofHours(1));
 *     paxos.transfers(10).execute();
 *     assertEquals(2, emulator.tokenRequestCount(Provider.PAXOS));
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A non-final instance field of type {@code ProviderEmulator} that is null before a test, and
 *       a parameter of that type of a test method, a {@code @BeforeEach} or an {@code @AfterEach}
 *       method, all get the same emulator, started before the test and closed after it (and the
 *       field set back to null).
 *   <li>A static field, or a parameter of a {@code @BeforeAll} or {@code @AfterAll} method, gets
 *       one emulator for the whole class, closed after all its tests; the class's tests then share
 *       it too.
 *   <li>These emulators run on a {@link VirtualClock} (starting at the current wall-clock second),
 *       which fields and parameters of that type receive: time passes only when the test advances
 *       it, for the emulator and for every client {@link ProviderEmulator#configure configure}d.
 * </ul>
 *
 * <p>Works with JUnit Jupiter 5.10 and later, including 6. Register it with {@code @ExtendWith} or
 * {@code @RegisterExtension}; it keeps no state of its own.
 */
public final class ProviderEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ProviderEmulatorExtension.class);
  private static final String KEY = "emulator";

  /** Creates the extension; JUnit does so for {@code @ExtendWith}. */
  public ProviderEmulatorExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    List<Field> fields = fields(context.getRequiredTestClass(), true);
    if (!fields.isEmpty()) {
      inject(running(context), null, fields);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      List<Field> fields = fields(instance.getClass(), false);
      if (!fields.isEmpty()) {
        inject(running(context), instance, fields);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IllegalAccessException {
    stop(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IllegalAccessException {
    stop(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ProviderEmulator.class || type == VirtualClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == ProviderEmulator.class) {
      return running.emulator;
    }
    if (type == VirtualClock.class) {
      return running.clock;
    }
    throw new ParameterResolutionException("Not a ProviderEmulator parameter: " + parameter);
  }

  /** The emulator of this context (a test, or a class), started on first use. */
  private static Running running(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> new Running(),
        Running.class);
  }

  private static void inject(Running running, Object instance, List<Field> fields)
      throws IllegalAccessException {
    for (Field field : fields) {
      field.setAccessible(true);
      if (field.get(instance) == null) {
        field.set(instance,
            field.getType() == VirtualClock.class ? running.clock : running.emulator);
        running.injected.add(new Injected(instance, field));
      }
    }
  }

  /** Closes this context's emulator, if it started one, and clears the fields it set. */
  private static void stop(ExtensionContext context) throws IllegalAccessException {
    Running running = context.getStore(NAMESPACE).remove(KEY, Running.class);
    if (running == null) {
      return;
    }
    running.emulator.close();
    for (Injected injected : running.injected) {
      injected.field.set(injected.instance, null);
    }
  }

  /** Fields of {@code type} and its superclasses the extension fills: static or instance ones. */
  private static List<Field> fields(Class<?> type, boolean statics) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        boolean ours = field.getType() == ProviderEmulator.class
            || field.getType() == VirtualClock.class;
        if (ours && Modifier.isStatic(modifiers) == statics && !Modifier.isFinal(modifiers)) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** One running emulator, its clock and the fields it was put into. */
  private static final class Running {
    final VirtualClock clock = VirtualClock.atWallClockSecond();
    final ProviderEmulator emulator = ProviderEmulator.start(clock);
    final List<Injected> injected = new ArrayList<>();
  }

  private record Injected(Object instance, Field field) {}
}
