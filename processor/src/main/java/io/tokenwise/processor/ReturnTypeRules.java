package io.tokenwise.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a service method returns, checked as Retrofit's {@code HttpServiceMethod} and its
 * built-in call adapters would check it at run time: {@code Call<T>}, {@code
 * CompletableFuture<T>}, {@code CompletableFuture<Response<T>>}, a Kotlin {@code suspend}
 * function (its kapt stub: {@code Object m(..., Continuation<? super T>)}), or the type of a
 * well-known call-adapter library; and whether the body type {@code T} is one Retrofit converts.
 */
final class ReturnTypeRules {
  static final String CALL = "retrofit2.Call";
  static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  static final String RESPONSE = "retrofit2.Response";
  static final String OKHTTP_RESPONSE = "okhttp3.Response";
  static final String CONTINUATION = "kotlin.coroutines.Continuation";
  private static final Set<String> VOID_TYPES = Set.of("java.lang.Void", "kotlin.Unit");

  /** A call-adapter library: the factory to add to the builder, and its Maven coordinates. */
  private record CallAdapterLibrary(String factory, String artifact) {}

  private static final CallAdapterLibrary RXJAVA3 = new CallAdapterLibrary(
      "retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory", "com.squareup.retrofit2:adapter-rxjava3");
  private static final CallAdapterLibrary RXJAVA2 = new CallAdapterLibrary(
      "retrofit2.adapter.rxjava2.RxJava2CallAdapterFactory", "com.squareup.retrofit2:adapter-rxjava2");
  private static final CallAdapterLibrary GUAVA = new CallAdapterLibrary(
      "retrofit2.adapter.guava.GuavaCallAdapterFactory", "com.squareup.retrofit2:adapter-guava");
  private static final CallAdapterLibrary REACTOR = new CallAdapterLibrary(
      "com.jakewharton.retrofit2.adapter.reactor.ReactorCallAdapterFactory",
      "com.jakewharton.retrofit:retrofit2-reactor-adapter");

  /**
   * Return types that only a user-supplied {@code CallAdapter.Factory} adapts, by qualified name.
   * Any other type is an error: a forgotten {@code Call<...>} is far likelier than an adapter of
   * one's own.
   */
  private static final Map<String, CallAdapterLibrary> ADAPTED_TYPES = Map.ofEntries(
      Map.entry("io.reactivex.rxjava3.core.Observable", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Flowable", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Single", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Maybe", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Completable", RXJAVA3),
      Map.entry("io.reactivex.Observable", RXJAVA2),
      Map.entry("io.reactivex.Flowable", RXJAVA2),
      Map.entry("io.reactivex.Single", RXJAVA2),
      Map.entry("io.reactivex.Maybe", RXJAVA2),
      Map.entry("io.reactivex.Completable", RXJAVA2),
      Map.entry("com.google.common.util.concurrent.ListenableFuture", GUAVA),
      Map.entry("reactor.core.publisher.Mono", REACTOR),
      Map.entry("reactor.core.publisher.Flux", REACTOR));

  /**
   * What the method returns once adapted.
   *
   * @param continuation the Kotlin {@code Continuation} parameter of a suspend function, or null
   * @param body the body type Retrofit converts, or null when unknown (a failed check, or a
   *     call-adapter library that decides itself)
   */
  record Shape(VariableElement continuation, TypeMirror body) {}

  private final Report report;
  private final Types types;
  private final Elements elements;

  ReturnTypeRules(Report report, Types types, Elements elements) {
    this.report = report;
    this.types = types;
    this.elements = elements;
  }

  Shape check(ExecutableElement method, ExecutableType signature) {
    Optional<VariableElement> continuation = continuation(method, signature);
    if (continuation.isPresent()) {
      TypeMirror type = signature.getParameterTypes().get(method.getParameters().size() - 1);
      return new Shape(continuation.get(), checkSuspend(method, (DeclaredType) type));
    }
    return new Shape(null, checkReturnType(method, signature.getReturnType()));
  }

  /**
   * The last parameter when it is Kotlin's {@code Continuation} with no Retrofit annotation, as
   * Retrofit's {@code RequestFactory} recognises a suspend function.
   */
  private Optional<VariableElement> continuation(ExecutableElement method,
      ExecutableType signature) {
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return Optional.empty();
    }
    VariableElement last = parameters.get(parameters.size() - 1);
    TypeMirror type = signature.getParameterTypes().get(parameters.size() - 1);
    return type.getKind() == TypeKind.DECLARED && erasureName(type).equals(CONTINUATION)
        && HttpCall.retrofitAnnotations(last).isEmpty() ? Optional.of(last) : Optional.empty();
  }

  /** Retrofit reads the body type from {@code Continuation<? super T>}'s lower bound. */
  private TypeMirror checkSuspend(ExecutableElement method, DeclaredType continuation) {
    String display = method.getSimpleName() + "()";
    List<? extends TypeMirror> arguments = continuation.getTypeArguments();
    TypeMirror returned = arguments.size() != 1 ? null
        : arguments.get(0) instanceof WildcardType wildcard ? wildcard.getSuperBound()
        : arguments.get(0);
    if (returned == null) {
      report.add(Message.UNSUPPORTED_RETURN_TYPE, method, null, null, display, continuation,
          "a Continuation without a 'super' type argument, so Retrofit cannot know the body type");
      return null;
    }
    Supplier<String> shown = () -> returned + " (as a suspend function)";
    if (!isConcrete(returned)) {
      report.add(Message.UNSUPPORTED_RETURN_TYPE, method, null, null, display, shown.get(),
          "whose type argument has a wildcard or type variable that Retrofit cannot resolve at"
              + " run time");
      return null;
    }
    if (returned.getKind() == TypeKind.DECLARED && erasureName(returned).equals(CALL)) {
      report.add(Message.SUSPEND_RETURNING_CALL, method, null, null, display, returned);
      return null;
    }
    return checkBody(method, shown, unwrapResponse(method, shown, returned));
  }

  /** Returns the body type, or null when the return type was reported or an adapter decides. */
  private TypeMirror checkReturnType(ExecutableElement method, TypeMirror returnType) {
    String display = method.getSimpleName() + "()";
    String name = returnType.getKind() == TypeKind.DECLARED ? erasureName(returnType) : "";
    boolean builtIn = name.equals(CALL) || name.equals(COMPLETABLE_FUTURE);
    CallAdapterLibrary library = ADAPTED_TYPES.get(name);
    if (!builtIn && library == null) {
      String guess = returnType.getKind() == TypeKind.VOID ? "Call<Void>"
          : returnType.getKind().isPrimitive()
              ? "Call<" + types.boxedClass(types.getPrimitiveType(returnType.getKind()))
                  .getSimpleName() + ">"
              : returnType.getKind() == TypeKind.DECLARED || returnType.getKind() == TypeKind.ARRAY
                  ? "Call<" + returnType + ">" : null;
      report.addGuessing(Message.UNSUPPORTED_RETURN_TYPE, guess, method, null, null, display,
          returnType, "which Retrofit cannot adapt without an extra call adapter");
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) returnType).getTypeArguments();
    boolean raw = arguments.isEmpty()
        && !((TypeElement) types.asElement(returnType)).getTypeParameters().isEmpty();
    if (raw || (builtIn && arguments.size() != 1)) {
      report.add(Message.UNSUPPORTED_RETURN_TYPE, method, null, null, display, returnType,
          "a raw type whose body type Retrofit cannot know");
      return null;
    }
    for (TypeMirror argument : arguments) {
      if (!isConcrete(argument)) {
        String guess = null;
        if (arguments.size() == 1 && argument instanceof WildcardType wildcard
            && wildcard.getExtendsBound() != null && isConcrete(wildcard.getExtendsBound())) {
          guess = simpleName(returnType) + "<" + wildcard.getExtendsBound() + ">";
        }
        report.addGuessing(Message.UNSUPPORTED_RETURN_TYPE, guess, method, null, null, display,
            returnType, "whose type argument has a wildcard or type variable that Retrofit cannot"
                + " resolve at run time");
        return null;
      }
    }
    if (library != null) {
      if (elements.getTypeElement(library.factory()) == null) {
        String factory = library.factory().substring(library.factory().lastIndexOf('.') + 1);
        report.add(Message.NEEDS_CALL_ADAPTER, method, null, null, display, returnType, factory,
            library.artifact(), factory);
      }
      return null; // the library's adapter decides which bodies it takes
    }
    TypeMirror inner = arguments.get(0);
    // Spelt out only for a finding: nearly every method has none.
    Supplier<String> shown = returnType::toString;
    if (name.equals(CALL)) {
      return checkBody(method, shown, inner);
    }
    // CompletableFuture<Response<T>> is the built-in adapter's way to see status and headers.
    return checkBody(method, shown, unwrapResponse(method, shown, inner));
  }

  /**
   * {@code Response<T>} → {@code T}; a raw {@code Response} is reported (null). {@code shown}:
   * the return type as findings name it.
   */
  private TypeMirror unwrapResponse(ExecutableElement method, Supplier<String> shown,
      TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED || !erasureName(type).equals(RESPONSE)) {
      return type;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    if (arguments.isEmpty()) {
      report.add(Message.RAW_RESPONSE, method, null, null, method.getSimpleName() + "()",
          shown.get());
      return null;
    }
    return arguments.get(0);
  }

  /** The body type, unless Retrofit refuses it ({@code HttpServiceMethod.parseAnnotations}). */
  private TypeMirror checkBody(ExecutableElement method, Supplier<String> shown,
      TypeMirror body) {
    if (body == null || body.getKind() != TypeKind.DECLARED) {
      return body;
    }
    String display = method.getSimpleName() + "()";
    String name = erasureName(body);
    if (name.equals(OKHTTP_RESPONSE)) {
      report.addGuessing(Message.OKHTTP_RESPONSE_BODY,
          shown.get().startsWith(CALL + "<") ? "Call<okhttp3.ResponseBody>" : null,
          method, null, null, display, shown.get());
      return null;
    }
    if (name.equals(RESPONSE)) {
      List<? extends TypeMirror> arguments = ((DeclaredType) body).getTypeArguments();
      if (arguments.isEmpty()) {
        report.add(Message.RAW_RESPONSE, method, null, null, display, shown.get());
      } else {
        report.addGuessing(Message.RESPONSE_AS_BODY,
            shown.get().startsWith(CALL + "<") ? "Call<" + arguments.get(0) + ">" : null,
            method, null, null, display, shown.get());
      }
      return null;
    }
    return body;
  }

  /** True for Void, and for Kotlin's Unit, which Retrofit accepts as the body of a HEAD request. */
  static boolean isVoid(TypeMirror body) {
    return body.getKind() == TypeKind.DECLARED
        && VOID_TYPES.contains(((TypeElement) ((DeclaredType) body).asElement())
            .getQualifiedName().toString());
  }

  /** No type variables or wildcards anywhere (Retrofit's {@code Utils.hasUnresolvableType}). */
  static boolean isConcrete(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD -> false;
      case ARRAY -> isConcrete(((ArrayType) type).getComponentType());
      case DECLARED -> ((DeclaredType) type).getTypeArguments().stream()
          .allMatch(ReturnTypeRules::isConcrete);
      default -> true;
    };
  }

  private String erasureName(TypeMirror type) {
    return ((TypeElement) types.asElement(type)).getQualifiedName().toString();
  }

  private String simpleName(TypeMirror type) {
    return types.asElement(type).getSimpleName().toString();
  }
}
