package io.tokenwise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tokenwise.Provider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension run on sample test classes through JUnit's own test kit: what each sample saw is
 * recorded, and the emulators are checked to be closed afterwards. Runs on JUnit 5.10 here and on
 * JUnit 6 in testing-junit6.
 */
final class ProviderEmulatorExtensionTest {
  /** Emulators the samples were given, in order. */
  static final List<ProviderEmulator> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute()
        .testEvents();
  }

  private static void assertClosed(ProviderEmulator emulator) {
    for (Provider provider : Provider.values()) {
      URI url = URI.create(emulator.tokenUrl(provider));
      try (Socket socket = new Socket()) {
        assertThrows(ConnectException.class, () -> socket.connect(
            new InetSocketAddress(url.getHost(), url.getPort()), 1_000));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void eachTestGetsItsOwnEmulatorInFieldsAndParametersClosedAfterIt() {
    run(PerTest.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    // Per test: @BeforeEach parameter, field and test parameter, all one emulator.
    assertEquals(6, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1));
    assertSame(SEEN.get(0), SEEN.get(2));
    assertSame(SEEN.get(3), SEEN.get(5));
    assertNotSame(SEEN.get(0), SEEN.get(3));
    SEEN.forEach(ProviderEmulatorExtensionTest::assertClosed);
  }

  @Test
  void aStaticFieldHoldsOneEmulatorForTheClass() {
    run(PerClass.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertEquals(3, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1));
    assertSame(SEEN.get(0), SEEN.get(2));
    assertClosed(SEEN.get(0));
    assertNull(PerClass.shared);
  }

  @Test
  void aPerClassInstanceGetsANewEmulatorForEachTestAndItsFieldIsCleared() {
    Events events = run(PerClassLifecycle.class);

    events.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertEquals(2, SEEN.size());
    assertNotSame(SEEN.get(0), SEEN.get(1));
    SEEN.forEach(ProviderEmulatorExtensionTest::assertClosed);
  }

  @Test
  void nestedTestsShareTheOuterFieldsEmulator() {
    run(Outer.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertEquals(2, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1));
    assertClosed(SEEN.get(0));
  }

  @Test
  void aFailingTestStillClosesItsEmulator() {
    run(Failing.class).assertStatistics(stats -> stats.started(1).failed(1));

    assertEquals(1, SEEN.size());
    assertClosed(SEEN.get(0));
  }

  @Test
  void registeredAsAFieldItWorksTheSame() {
    run(Registered.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertEquals(1, SEEN.size());
    assertClosed(SEEN.get(0));
  }

  /** Sample: the README's shape, with virtual time. */
  @ExtendWith(ProviderEmulatorExtension.class)
  static class PerTest {
    ProviderEmulator emulator;
    VirtualClock clock;

    @BeforeEach
    void setUp(ProviderEmulator given) {
      SEEN.add(given);
    }

    @Test
    void fieldAndParameterAreOne(ProviderEmulator parameter, VirtualClock clock)
        throws IOException {
      SEEN.add(emulator);
      SEEN.add(parameter);
      assertSame(emulator.clock(), clock);
      assertSame(this.clock, clock);
      emulator.tokenLifetime(Provider.PAYSWAY, Duration.ofSeconds(60));
      Apis.Paysway paysway = emulator.client(Apis.Paysway.class);
      paysway.payment("pay_1").execute();
      clock.advance(Duration.ofSeconds(60));
      paysway.payment("pay_1").execute();
      assertEquals(2, emulator.tokenRequestCount(Provider.PAYSWAY));
    }

    @Test
    void aSecondTestStartsAfresh(ProviderEmulator parameter) throws IOException {
      SEEN.add(emulator);
      SEEN.add(parameter);
      emulator.client(Apis.Paysway.class).payment("pay_1").execute();
      assertEquals(1, emulator.tokenRequestCount());
    }
  }

  /** Sample: one emulator for the class. */
  @ExtendWith(ProviderEmulatorExtension.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class PerClass {
    static ProviderEmulator shared;

    @BeforeAll
    static void before(ProviderEmulator given) {
      SEEN.add(given);
    }

    @Test
    void first(ProviderEmulator parameter) throws IOException {
      SEEN.add(parameter);
      emulator().client(Apis.Mangopay.class).user("1").execute();
      assertEquals(1, shared.tokenRequestCount());
    }

    @Test
    void second() throws IOException {
      emulator().client(Apis.Mangopay.class).user("2").execute();
      assertEquals(2, shared.tokenRequestCount());
    }

    @AfterAll
    static void after(ProviderEmulator given) {
      SEEN.add(given);
    }

    private static ProviderEmulator emulator() {
      return shared;
    }
  }

  /** Sample: one instance for all tests, yet one emulator per test. */
  @ExtendWith(ProviderEmulatorExtension.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassLifecycle {
    ProviderEmulator emulator;

    @Test
    void one() {
      SEEN.add(emulator);
    }

    @Test
    void two() {
      SEEN.add(emulator);
    }
  }

  /** Sample: a nested class sees the outer instance's emulator. */
  @ExtendWith(ProviderEmulatorExtension.class)
  static class Outer {
    ProviderEmulator emulator;

    @Nested
    class Inner {
      @Test
      void same(ProviderEmulator parameter) {
        SEEN.add(emulator);
        SEEN.add(parameter);
      }
    }
  }

  /** Sample: a test that fails. */
  @ExtendWith(ProviderEmulatorExtension.class)
  static class Failing {
    @Test
    void fails(ProviderEmulator emulator) {
      SEEN.add(emulator);
      throw new AssertionError("on purpose");
    }
  }

  /** Sample: {@code @RegisterExtension}. */
  static class Registered {
    @RegisterExtension
    static final ProviderEmulatorExtension EXTENSION = new ProviderEmulatorExtension();

    @Test
    void works(ProviderEmulator emulator) throws IOException {
      SEEN.add(emulator);
      emulator.client(Apis.CustomPost.class).entry("e-1").execute();
      assertEquals(1, emulator.apiCallCount(Provider.CUSTOM));
    }
  }
}
