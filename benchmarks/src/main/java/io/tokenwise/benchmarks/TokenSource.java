package io.tokenwise.benchmarks;

/**
 * What each library does for one API call: hand over the token to attach now, from its cache when
 * it can. Implementations are in {@link Library}.
 */
interface TokenSource extends AutoCloseable {
  /** The token (or the header value carrying it) that the caller would send now. */
  String token() throws Exception;

  /** Frees what the library started (threads, schedulers); nothing by default. */
  @Override
  default void close() {}
}
