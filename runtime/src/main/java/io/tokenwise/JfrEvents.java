package io.tokenwise;

import java.time.Duration;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * Every {@link TokenEvent} as a JDK Flight Recorder event ({@code io.tokenwise.FetchSucceeded},
 * ...), in the category "Tokenwise". An event whose type is not enabled in a running recording
 * is neither filled in nor written. A runtime image without the {@code jdk.jfr} module gets none,
 * and no error.
 */
final class JfrEvents {
  /** Whether {@code jdk.jfr} is in the runtime: this class's event types need it. */
  private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

  private JfrEvents() {}

  /** True when JFR might want events: the module is there (types are checked one by one). */
  static boolean recording() {
    return AVAILABLE;
  }

  static void commit(TokenEvent event) {
    if (AVAILABLE) {
      Recorder.commit(event);
    }
  }

  /** Loaded only when {@code jdk.jfr} is present. */
  private static final class Recorder {
    static void commit(TokenEvent event) {
      Base jfr = create(event);
      if (!jfr.isEnabled()) {
        return;
      }
      jfr.provider = event.provider().name();
      jfr.env = event.env().name();
      jfr.keyFingerprint = event.keyFingerprint();
      jfr.at = event.at().toEpochMilli();
      fill(jfr, event);
      jfr.commit();
    }

    /** The JFR event of {@code event}'s type, empty. */
    private static Base create(TokenEvent event) {
      if (event instanceof TokenEvent.FetchStarted) {
        return new FetchStarted();
      } else if (event instanceof TokenEvent.FetchSucceeded) {
        return new FetchSucceeded();
      } else if (event instanceof TokenEvent.FetchFailed) {
        return new FetchFailed();
      } else if (event instanceof TokenEvent.RefreshAhead) {
        return new RefreshAhead();
      } else if (event instanceof TokenEvent.ServedWhileRefreshFails) {
        return new ServedWhileRefreshFails();
      } else if (event instanceof TokenEvent.Invalidated) {
        return new Invalidated();
      } else if (event instanceof TokenEvent.RateLimited) {
        return new RateLimited();
      } else if (event instanceof TokenEvent.RejectionRemembered) {
        return new RejectionRemembered();
      }
      throw new AssertionError(event.getClass());
    }

    /** The fields of {@code event}'s own type. */
    private static void fill(Base base, TokenEvent event) {
      if (event instanceof TokenEvent.FetchStarted e) {
        ((FetchStarted) base).attempt = e.attempt();
      } else if (event instanceof TokenEvent.FetchSucceeded e) {
        FetchSucceeded j = (FetchSucceeded) base;
        j.attempt = e.attempt();
        j.fetchDuration = e.duration().toNanos();
        j.expiresAt = e.expiresAt().toEpochMilli();
      } else if (event instanceof TokenEvent.FetchFailed e) {
        FetchFailed j = (FetchFailed) base;
        j.attempt = e.attempt();
        j.fetchDuration = e.duration().toNanos();
        j.status = e.status();
        j.errorType = e.errorType();
        j.retryAfter = e.retryAfter().map(Duration::toNanos).orElse(0L);
        j.retrying = e.retrying();
      } else if (event instanceof TokenEvent.RefreshAhead e) {
        ((RefreshAhead) base).expiresAt = e.expiresAt().toEpochMilli();
      } else if (event instanceof TokenEvent.ServedWhileRefreshFails e) {
        ((ServedWhileRefreshFails) base).expiresAt = e.expiresAt().toEpochMilli();
      } else if (event instanceof TokenEvent.Invalidated e) {
        ((Invalidated) base).current = e.current();
      } else if (event instanceof TokenEvent.RateLimited e) {
        RateLimited j = (RateLimited) base;
        j.reason = e.reason().name();
        j.delay = e.delay().toNanos();
      } else if (event instanceof TokenEvent.RejectionRemembered e) {
        RejectionRemembered j = (RejectionRemembered) base;
        j.status = e.status();
        j.errorType = e.errorType();
        j.memory = e.memory().toNanos();
      }
    }
  }

  /** What every Tokenwise JFR event carries. */
  @Category("Tokenwise")
  @StackTrace(false)
  abstract static class Base extends Event {
    @Label("Provider")
    String provider;

    @Label("Environment")
    String env;

    @Label("Key Fingerprint")
    @Description("Tells keys apart; no secret, client id or token")
    String keyFingerprint;

    @Label("At (cache clock)")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long at;
  }

  @Name("io.tokenwise.FetchStarted")
  @Label("Token Fetch Started")
  static final class FetchStarted extends Base {
    @Label("Attempt")
    int attempt;
  }

  @Name("io.tokenwise.FetchSucceeded")
  @Label("Token Fetch Succeeded")
  static final class FetchSucceeded extends Base {
    @Label("Attempt")
    int attempt;

    @Label("Fetch Duration")
    @Timespan(Timespan.NANOSECONDS)
    long fetchDuration;

    @Label("Token Expires At")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long expiresAt;
  }

  @Name("io.tokenwise.FetchFailed")
  @Label("Token Fetch Failed")
  static final class FetchFailed extends Base {
    @Label("Attempt")
    int attempt;

    @Label("Fetch Duration")
    @Timespan(Timespan.NANOSECONDS)
    long fetchDuration;

    @Label("HTTP Status")
    @Description("0 when there was none")
    int status;

    @Label("Error Type")
    String errorType;

    @Label("Retry-After")
    @Timespan(Timespan.NANOSECONDS)
    long retryAfter;

    @Label("Retrying")
    boolean retrying;
  }

  @Name("io.tokenwise.RefreshAhead")
  @Label("Token Refresh Ahead")
  static final class RefreshAhead extends Base {
    @Label("Current Token Expires At")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long expiresAt;
  }

  @Name("io.tokenwise.ServedWhileRefreshFails")
  @Label("Token Served While Refresh Fails")
  static final class ServedWhileRefreshFails extends Base {
    @Label("Current Token Expires At")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long expiresAt;
  }

  @Name("io.tokenwise.Invalidated")
  @Label("Token Invalidated by 401")
  static final class Invalidated extends Base {
    @Label("Current")
    @Description("true: the cached token was dropped; false: a stale token, already replaced")
    boolean current;
  }

  @Name("io.tokenwise.RateLimited")
  @Label("Token Request Rate-Limited")
  static final class RateLimited extends Base {
    @Label("Reason")
    String reason;

    @Label("Delay")
    @Timespan(Timespan.NANOSECONDS)
    long delay;
  }

  @Name("io.tokenwise.RejectionRemembered")
  @Label("Token Rejection Remembered")
  static final class RejectionRemembered extends Base {
    @Label("HTTP Status")
    int status;

    @Label("Error Type")
    String errorType;

    @Label("Memory")
    @Timespan(Timespan.NANOSECONDS)
    long memory;
  }
}
