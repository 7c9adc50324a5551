/**
 * Tokenwise: annotate a Retrofit interface with {@link io.tokenwise.TokenEndpoint}, and the
 * generated {@code <Interface>Client} fetches, caches and refreshes its OAuth2 client-credentials
 * token exactly as the provider documents it.
 */
package io.tokenwise;
