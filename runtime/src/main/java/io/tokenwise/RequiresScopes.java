package io.tokenwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes one endpoint needs, for endpoints the provider catalog does not know. The processor
 * checks that each is declared in the interface's {@link TokenEndpoint#scopes()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScopes {
  /** Scopes that must all be granted for this endpoint. */
  String[] value();
}
