package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.Provider;
import io.tokenwise.testing.ProviderEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The fault soak of docs/RELIABILITY.md: about 60 s in the normal build; the 10-minute run is
 * {@code mvn -B -pl examples -am verify -Dtest=FaultSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtokenwise.soak.duration=PT10M}. Asserts bounds, never timings: a loaded machine makes it
 * slower, not red.
 */
final class FaultSoakTest {
  @Test
  void faultyTokenEndpointFailsNoCallThatHadAUsableTokenAndLeaksNothing() throws Exception {
    FaultSoak.Settings settings = FaultSoak.Settings.fromSystemProperties();
    FaultSoak.Report report = new FaultSoak(settings).run();
    String markdown = report.toMarkdown();
    System.out.println(markdown);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "soak-report.md"), markdown);

    double seconds = report.elapsedMillis() / 1000.0;
    assertEquals(0, report.total(c -> c.failedWithUsableToken), markdown);
    assertEquals(0, report.total(c -> c.untypedFailures), markdown);
    assertTrue(report.outages().size() >= 1, "an outage took place");
    for (Provider provider : ProviderEmulator.PROVIDERS) {
      FaultSoak.Calls calls = report.calls().get(provider);
      FaultInjectingTokenProxy.Stats tokens = report.proxy().stats(provider);
      // Every call that failed for want of a token said so with the retryable typed failure.
      assertEquals(List.of("TokenEndpointUnavailableException"),
          calls.failedWithoutToken.keySet().stream().sorted().toList(), provider + "\n" + markdown);
      assertTrue(calls.ok.get() > 0, provider + ": calls succeed");
      assertEquals(report.outages().size(), calls.recoveryMillis.size(),
          provider + " recovered after every outage");
      // No storm: one request in flight per key, at most about one per second (the rate limit).
      assertEquals(1, tokens.maxInFlight.get(), provider + "\n" + markdown);
      assertTrue(tokens.requests.get() <= seconds + 5, provider + ": " + tokens.requests + " in "
          + seconds + " s\n" + markdown);
      assertEquals(0, tokens.retryAfterViolations.get(), provider + "\n" + markdown);
      assertTrue(tokens.tokensIssued.get() >= seconds / 10, provider + " kept refreshing");
      for (FaultInjectingTokenProxy.Fault fault : FaultInjectingTokenProxy.Fault.values()) {
        assertTrue(report.calls().keySet().stream()
            .mapToInt(p -> report.proxy().stats(p).faults.get(fault).get()).sum() > 0,
            "no " + fault + " was injected");
      }
    }
    assertTrue(report.total(c -> c.servedDuringOutage) > 0, "valid tokens served in outages");
    assertTrue(report.total(c -> new AtomicLong(c.failedWithoutToken.values().stream()
        .mapToLong(AtomicLong::get).sum())) > 0, "the outage outlasted the tokens");
    assertEquals(List.of(), report.leaks(), "secrets or tokens in logs or messages");
    assertTrue(report.logEvents().getOrDefault("refreshed", 0) > 0, report.logEvents().toString());
    // Nothing may be left but shared daemon threads that end when idle (OkHttp's after 60 s:
    // the long soak waits and sees them go).
    assertEquals(List.of(), report.leakedThreads().stream()
        .filter(name -> !FaultSoak.endsWhenIdle(name)).toList(), markdown);
    assertTrue(report.leakedThreads().size() <= 8, markdown);
    assertTrue(report.socketsAfter() <= report.socketsBefore(), markdown);
  }
}
