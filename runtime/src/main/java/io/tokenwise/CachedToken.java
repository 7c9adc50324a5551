package io.tokenwise;

import java.time.Instant;

/**
 * A token a {@link TokenCache} holds, as {@link TokenCache#tokens()} reports it for gauges and
 * health checks: which key, and when the token goes out of use. Never the token itself.
 *
 * @param provider the key's provider
 * @param env the environment of the client that first used the key
 * @param keyFingerprint the key's fingerprint, for display only
 * @param expiresAt when the provider stops accepting the token
 * @param usableUntil when Tokenwise stops sending it (the hard margin before expiry); a token
 *     past this point is being replaced
 */
public record CachedToken(Provider provider, Env env, String keyFingerprint, Instant expiresAt,
    Instant usableUntil) {}
