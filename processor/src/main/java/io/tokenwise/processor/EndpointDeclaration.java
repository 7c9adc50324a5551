package io.tokenwise.processor;

import io.tokenwise.AuthStyle;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import io.tokenwise.internal.OperationTable;
import io.tokenwise.internal.ProviderCatalog;
import io.tokenwise.internal.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What one {@code @TokenEndpoint} says, with the source values kept beside the data so that a
 * diagnostic can point at the exact attribute or array element.
 *
 * @param scopes the declared scopes in source order, each with its array element
 * @param scopesValue the {@code scopes} attribute as written, or null when defaulted
 */
record EndpointDeclaration(
    TypeElement type,
    AnnotationMirror annotation,
    Provider provider,
    Env env,
    List<Scope> scopes,
    AnnotationValue scopesValue,
    String baseUrl,
    AnnotationValue baseUrlValue,
    String tokenUrl,
    AnnotationValue tokenUrlValue,
    AuthStyle authStyle,
    AnnotationValue authStyleValue) {

  /** One declared scope and the array element that holds it. */
  record Scope(String name, AnnotationValue value) {}

  EndpointDeclaration {
    scopes = List.copyOf(scopes);
  }

  /**
   * Reads the annotation; empty when an attribute does not resolve (erroneous source that javac
   * reports itself).
   */
  static Optional<EndpointDeclaration> read(TypeElement type, AnnotationMirror annotation) {
    Provider provider = constant(annotation, "provider", Provider.class);
    Env env = constant(annotation, "env", Env.class);
    AuthStyle authStyle = constant(annotation, "authStyle", AuthStyle.class);
    if (provider == null || env == null || authStyle == null) {
      return Optional.empty();
    }
    List<Scope> scopes = new ArrayList<>();
    for (AnnotationValue value : Annotations.array(Annotations.value(annotation, "scopes"))) {
      if (value.getValue() instanceof String name) {
        scopes.add(new Scope(name, value));
      }
    }
    return Optional.of(new EndpointDeclaration(type, annotation, provider, env, scopes,
        Annotations.explicitValue(annotation, "scopes"),
        Annotations.string(annotation, "baseUrl"),
        Annotations.explicitValue(annotation, "baseUrl"),
        Annotations.string(annotation, "tokenUrl"),
        Annotations.explicitValue(annotation, "tokenUrl"),
        authStyle,
        Annotations.explicitValue(annotation, "authStyle")));
  }

  private static <E extends Enum<E>> E constant(AnnotationMirror annotation, String name,
      Class<E> type) {
    AnnotationValue value = Annotations.value(annotation, name);
    if (value != null && value.getValue() instanceof VariableElement constant) {
      try {
        return Enum.valueOf(type, constant.getSimpleName().toString());
      } catch (IllegalArgumentException e) {
        return null; // a constant newer than this processor's runtime: nothing to check against
      }
    }
    return null;
  }

  ProviderSpec spec() {
    return ProviderCatalog.spec(provider);
  }

  /** The base URL calls will use unless overridden at run time; empty when none is known. */
  Optional<String> effectiveBaseUrl() {
    return baseUrl.isEmpty() ? spec().baseUrl(env) : Optional.of(baseUrl);
  }

  /**
   * The provider's own scope table, when it has one and no OpenAPI document replaces it (a
   * document, even one that failed to load, does).
   */
  Optional<OperationTable> builtInTable() {
    return openApi().isEmpty() ? spec().operationTable() : Optional.empty();
  }

  /** Whether the provider issues tokens only for declared scopes and these tokens carry them. */
  boolean requiresScopes() {
    return spec().scopes() == ProviderSpec.Scopes.REQUIRED && takesScopes();
  }

  /** The style the token request uses: the annotation's, else the provider's own. */
  AuthStyle effectiveAuthStyle() {
    return authStyle == AuthStyle.DEFAULT ? spec().authStyle() : authStyle;
  }

  /**
   * Whether the token request carries scopes: the provider takes them, and the style has a place
   * for them (a JSON API-key body has none).
   */
  boolean takesScopes() {
    return spec().takesScopes() && effectiveAuthStyle() != AuthStyle.JSON_API_KEY;
  }

  /** What carries no scopes when {@link #takesScopes()} is false, as a message's subject. */
  String scopelessTokens() {
    return spec().takesScopes() ? "tokens requested with AuthStyle.JSON_API_KEY"
        : spec().displayName() + " tokens";
  }

  List<String> scopeNames() {
    return scopes.stream().map(Scope::name).toList();
  }

  /** The {@code openApi} document's name; "" when none is given. */
  String openApi() {
    return Annotations.string(annotation, "openApi");
  }

  /** The {@code openApi} attribute as written, or null when defaulted. */
  AnnotationValue openApiValue() {
    return Annotations.explicitValue(annotation, "openApi");
  }
}
