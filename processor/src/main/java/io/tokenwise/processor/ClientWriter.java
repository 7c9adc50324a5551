package io.tokenwise.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the client of one {@link ClientModel}: one small class per interface that extends
 * {@code io.tokenwise.GeneratedClient} (or {@code InjectableClient}) and hands it the endpoint as
 * checked, so that the builder and all work live in the runtime. Output depends on the model
 * alone (no dates, no environment), so the same interface always yields the same bytes.
 */
final class ClientWriter {
  JavaFile write(ClientModel model) {
    ClassName api = writtenName(model.apiName());
    ClassName client = model.clientName();
    // Inherited from GeneratedClient<Api>: the contract's PaxosTransfersClient.Builder.
    ClassName builder = client.nestedClass(ClientNames.BUILDER);

    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addOriginatingElement(model.api())
        .addModifiers(Modifier.FINAL)
        .addJavadoc("The Tokenwise client of {@link $T}: its calls carry a self-refreshing $L\n"
            + "access token. Settings given to {@link #$L()} override the {@code @TokenEndpoint}'s.\n",
            api, model.providerName(), ClientNames.BUILDER_METHOD);
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    if (model.markGenerated()) {
      type.addAnnotation(AnnotationSpec.builder(ClientNames.GENERATED)
          .addMember("value", "$S", TokenwiseProcessor.class.getName())
          .build());
    }

    if (model.injectable()) {
      type.superclass(ParameterizedTypeName.get(ClientNames.INJECTABLE_CLIENT, api))
          .addSuperinterface(ParameterizedTypeName.get(ClientNames.INJECT_PROVIDER, api))
          .addJavadoc("Also a {@code jakarta.inject.Provider}: bind a {@link $T}, then e.g. Guice's\n"
              + "{@code bind($T.class).toProvider($T.class)}.\n",
              ClientNames.CREDENTIALS_SOURCE_TYPE, api, client)
          .addMethod(MethodSpec.constructorBuilder()
              .addAnnotation(ClientNames.INJECT)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(ClientNames.CREDENTIALS_SOURCE_TYPE, ClientNames.CREDENTIALS_SOURCE)
              .addStatement("super($L, $T::$L)", ClientNames.CREDENTIALS_SOURCE, client,
                  ClientNames.BUILDER_METHOD)
              .build());
    } else {
      type.superclass(ParameterizedTypeName.get(ClientNames.GENERATED_CLIENT, api))
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    type.addMethod(MethodSpec.methodBuilder(ClientNames.CREATE)
        .addJavadoc("A ready {@link $T} that authenticates with {@code $L}.\n", api,
            ClientNames.CREDENTIALS)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(api)
        .addParameter(ClientNames.CLIENT_CREDENTIALS, ClientNames.CREDENTIALS)
        .addStatement("return $L().$L($L).build()", ClientNames.BUILDER_METHOD,
            ClientNames.CREDENTIALS, ClientNames.CREDENTIALS)
        .build());
    type.addMethod(MethodSpec.methodBuilder(ClientNames.BUILDER_METHOD)
        .addJavadoc("A builder that starts from the {@code @TokenEndpoint} as checked at compile"
            + " time.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return $L($L)", ClientNames.NEW_BUILDER, endpointArguments(model, api))
        .build());

    return JavaFile.builder(client.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * How the client names its interface. The client inherits the member type {@code Builder},
   * which inside its body hides a user's type of that name: such an interface ({@code
   * com.acme.Builder}, or one nested in it) is written by its canonical name. JavaPoet writes a
   * same-package type by its simple name whatever {@code alwaysQualify} says, but writes a type
   * of the unnamed package exactly as named, so the canonical name goes in as one.
   */
  private static ClassName writtenName(ClassName api) {
    ClassName topLevel = api.topLevelClassName();
    if (!topLevel.simpleName().equals(ClientNames.BUILDER)) {
      return api;
    }
    List<String> nested = api.simpleNames().subList(1, api.simpleNames().size());
    return ClassName.get("", topLevel.canonicalName(), nested.toArray(String[]::new));
  }

  /**
   * The endpoint in {@code GeneratedClient.newBuilder}'s order: interface, provider, env, auth
   * style, token URL and base URL (null: the provider's own), scopes; wrapped where it is long.
   */
  private static CodeBlock endpointArguments(ClientModel model, ClassName api) {
    CodeBlock.Builder arguments = CodeBlock.builder()
        .add("$T.class,$W$T.$L,$W$T.$L,$W$T.$L,$W$S,$W$S", api, ClientNames.PROVIDER,
            model.provider().name(), ClientNames.ENV, model.env().name(), ClientNames.AUTH_STYLE,
            model.authStyle().name(), model.tokenUrl(), model.baseUrl());
    for (String scope : model.scopes()) {
      arguments.add(",$W$S", scope);
    }
    return arguments.build();
  }
}
