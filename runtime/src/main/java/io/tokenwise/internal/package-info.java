/**
 * Tokenwise internals shared by the runtime and the annotation processor: the provider catalog and
 * the Paxos scope and operation tables. Not an API: anything here may change in any release.
 */
package io.tokenwise.internal;
