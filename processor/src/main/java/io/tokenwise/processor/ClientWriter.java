package io.tokenwise.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the client of one {@link ClientModel}: a small class that hands all work to {@code
 * io.tokenwise.ClientBuilder}. Output depends on the model alone (no dates, no environment), so
 * the same interface always yields the same bytes.
 */
final class ClientWriter {
  JavaFile write(ClientModel model) {
    ClassName api = model.apiName();
    ClassName client = model.clientName();
    ClassName builder = client.nestedClass(ClientNames.BUILDER);

    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addOriginatingElement(model.api())
        .addModifiers(Modifier.FINAL)
        .addJavadoc("The Tokenwise client of {@link $T}: a Retrofit service whose calls carry a\n"
            + "self-refreshing $L access token. Generated from the interface's\n"
            + "{@code @TokenEndpoint}; settings given to {@link #$L()} override the annotation's.\n",
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
      type.addSuperinterface(ParameterizedTypeName.get(ClientNames.INJECT_PROVIDER, api))
          .addJavadoc("\n<p>For dependency injection it is also a {@code jakarta.inject.Provider}"
              + " of the service:\nbind a {@link $T} once, then one line per client, e.g. Guice\n"
              + "{@code bind($T.class).toProvider($T.class)}.\n",
              ClientNames.CREDENTIALS_SOURCE_TYPE, api, client)
          .addField(FieldSpec.builder(ClientNames.CREDENTIALS_SOURCE_TYPE,
              ClientNames.CREDENTIALS_SOURCE, Modifier.PRIVATE, Modifier.FINAL).build())
          .addMethod(MethodSpec.constructorBuilder()
              .addJavadoc("A provider of {@link $T} whose credentials come from"
                  + " {@code $L}.\n", api, ClientNames.CREDENTIALS_SOURCE)
              .addAnnotation(ClientNames.INJECT)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(ClientNames.CREDENTIALS_SOURCE_TYPE, ClientNames.CREDENTIALS_SOURCE)
              .addStatement("this.$L = $T.requireNonNull($L, $S)", ClientNames.CREDENTIALS_SOURCE,
                  Objects.class, ClientNames.CREDENTIALS_SOURCE,
                  ClientNames.CREDENTIALS_SOURCE + " == null")
              .build());
    } else {
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
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
        .addJavadoc("A builder for a {@link $T} with settings other than the annotation's.\n",
            api)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());

    if (model.injectable()) {
      type.addMethod(MethodSpec.methodBuilder(ClientNames.GET)
          .addJavadoc("A new {@link $T} with the {@code $L} credentials and the settings of\n"
              + "the {@link $T}.\n", api, model.provider(), ClientNames.CREDENTIALS_SOURCE_TYPE)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(api)
          .addStatement("$T builder = $L().$L($L.$L($T.$L))", builder,
              ClientNames.BUILDER_METHOD, ClientNames.CREDENTIALS, ClientNames.CREDENTIALS_SOURCE,
              ClientNames.CREDENTIALS, ClientNames.PROVIDER, model.provider().name())
          .addStatement("$L.configure($T.class, builder)", ClientNames.CREDENTIALS_SOURCE, api)
          .addStatement("return builder.build()")
          .build());
    }

    type.addType(TypeSpec.classBuilder(builder)
        .addJavadoc("Builds a {@link $T}; see {@code io.tokenwise.ClientBuilder} for the"
            + " settings.\n", api)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ClientNames.CLIENT_BUILDER, api, builder))
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addComment("The @TokenEndpoint as checked at compile time: provider, env, auth style,")
            .addComment("token URL and base URL (null: the provider's own), scopes.")
            .addStatement("super($L)", endpointArguments(model, api))
            .build())
        .addMethod(MethodSpec.methodBuilder(ClientNames.SELF)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(builder)
            .addStatement("return this")
            .build())
        .build());

    return JavaFile.builder(client.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static CodeBlock endpointArguments(ClientModel model, ClassName api) {
    CodeBlock.Builder arguments = CodeBlock.builder()
        .add("$T.class, $T.$L, $T.$L, $T.$L,\n", api, ClientNames.PROVIDER,
            model.provider().name(), ClientNames.ENV, model.env().name(), ClientNames.AUTH_STYLE,
            model.authStyle().name())
        .add("$S, $S", model.tokenUrl(), model.baseUrl());
    for (String scope : model.scopes()) {
      arguments.add(",\n$S", scope);
    }
    return arguments.build();
  }
}
