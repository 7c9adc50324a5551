/** A Redis {@link io.tokenwise.TokenStore} on Lettuce, shared by a fleet of processes. */
package io.tokenwise.redis;
