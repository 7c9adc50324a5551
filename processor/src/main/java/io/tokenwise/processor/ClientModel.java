package io.tokenwise.processor;

import com.palantir.javapoet.ClassName;
import io.tokenwise.AuthStyle;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writer needs for one client, decided and validated: the writer makes no choices
 * and reports no errors.
 *
 * @param api the annotated interface, the generated file's only originating element
 * @param apiName its name in generated code
 * @param clientName the generated class
 * @param provider the provider of its tokens
 * @param providerName the provider's name in the client's javadoc
 * @param env the declared environment
 * @param authStyle the resolved auth style, never {@code DEFAULT}
 * @param tokenUrl the declared token URL, or null for the provider's own
 * @param baseUrl the declared base URL, or null for the provider's own
 * @param scopes the declared scopes, in declared order
 * @param isPublic whether the client is public (the interface is reachable from everywhere)
 * @param injectable whether {@code jakarta.inject} is on the class path
 * @param markGenerated whether {@code javax.annotation.processing.Generated} is available
 */
record ClientModel(
    TypeElement api,
    ClassName apiName,
    ClassName clientName,
    Provider provider,
    String providerName,
    Env env,
    AuthStyle authStyle,
    String tokenUrl,
    String baseUrl,
    List<String> scopes,
    boolean isPublic,
    boolean injectable,
    boolean markGenerated) {

  ClientModel {
    scopes = List.copyOf(scopes);
  }
}
