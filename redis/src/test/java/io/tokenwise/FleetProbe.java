package io.tokenwise;

/** What the fleet test reads from inside a process's cache: callers that waited for a token. */
public final class FleetProbe {
  private FleetProbe() {}

  /** Callers of {@code cache} that found no usable token and waited (TokenEntry.waits). */
  public static long callersThatWaited(TokenCache cache) {
    return cache.callersThatWaited();
  }
}
