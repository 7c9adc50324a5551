package io.tokenwise.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds types that do not exist yet, typically because another processor generates them in this
 * round: such an interface is looked at again in a later round rather than judged half-resolved.
 */
final class MissingTypes {
  /** The first unresolved type the interface's signature mentions, if any. */
  static Optional<TypeMirror> in(TypeElement type) {
    for (TypeMirror superinterface : type.getInterfaces()) {
      Optional<TypeMirror> missing = in(superinterface);
      if (missing.isPresent()) {
        return missing;
      }
    }
    for (Element member : type.getEnclosedElements()) {
      if (!(member instanceof ExecutableElement method)) {
        continue;
      }
      for (TypeMirror mentioned : signature(method)) {
        Optional<TypeMirror> missing = in(mentioned);
        if (missing.isPresent()) {
          return missing;
        }
      }
    }
    return Optional.empty();
  }

  private static List<TypeMirror> signature(ExecutableElement method) {
    List<TypeMirror> types = new ArrayList<>();
    types.add(method.getReturnType());
    for (VariableElement parameter : method.getParameters()) {
      types.add(parameter.asType());
    }
    return types;
  }

  private static Optional<TypeMirror> in(TypeMirror type) {
    if (type == null) {
      return Optional.empty();
    }
    if (type.getKind() == TypeKind.ERROR) {
      return Optional.of(type);
    }
    if (type instanceof ArrayType array) {
      return in(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      Optional<TypeMirror> missing = in(wildcard.getExtendsBound());
      return missing.isPresent() ? missing : in(wildcard.getSuperBound());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<TypeMirror> missing = in(argument);
        if (missing.isPresent()) {
          return missing;
        }
      }
    }
    return Optional.empty();
  }

  private MissingTypes() {}
}
