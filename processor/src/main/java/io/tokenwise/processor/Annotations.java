package io.tokenwise.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations by qualified name, so that Retrofit's annotations need not be on the
 * processor path: only the user's compile class path has them.
 */
final class Annotations {
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /**
   * The value written in source for {@code name}, or null when the default applies: a default
   * has no position in the source to point a diagnostic at.
   */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The value for {@code name}, written or default; null if the annotation has no such member. */
  static AnnotationValue value(AnnotationMirror mirror, String name) {
    AnnotationValue explicit = explicitValue(mirror, name);
    if (explicit != null) {
      return explicit;
    }
    for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue();
      }
    }
    return null;
  }

  /** A String member's value ("" when absent or not a string, as in erroneous source). */
  static String string(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof String s ? s : "";
  }

  /** The elements of an array member; a single value written without braces is one element. */
  @SuppressWarnings("unchecked")
  static List<AnnotationValue> array(AnnotationValue value) {
    if (value == null) {
      return List.of();
    }
    Object raw = value.getValue();
    return raw instanceof List<?> list ? (List<AnnotationValue>) list : List.of(value);
  }

  private Annotations() {}
}
