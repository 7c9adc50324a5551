/**
 * Tokenwise internals shared by the runtime and the annotation processor, each rule written once:
 * the provider definitions, the Paxos scope and operation tables, the URL rules and the generated
 * client's name. Not an API: anything here may change in any release.
 */
package io.tokenwise.internal;
