package io.tokenwise;

/** The provider environment a client talks to. */
public enum Env {
  /** The provider's sandbox or staging environment: test credentials, no real money. */
  SANDBOX,
  /** The provider's production environment. */
  PRODUCTION
}
