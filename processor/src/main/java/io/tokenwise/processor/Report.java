package io.tokenwise.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The findings for one interface. Validation collects all of them before anything is printed, so
 * users see every problem at once, and the client is generated only when none is an error.
 */
final class Report {
  /**
   * One diagnostic and the exact place it belongs: element, annotation and value, or the
   * {@code superinterface}th entry of the element's extends clause (-1 for none).
   */
  record Finding(Diagnostic.Kind kind, String text, Element element, AnnotationMirror annotation,
      AnnotationValue value, int superinterface) {}

  private final Diagnostic.Kind unknownScopeKind;
  private final List<Finding> findings = new ArrayList<>();

  /** {@code unknownScopeKind}: ERROR by default, WARNING under {@code -Atokenwise.unknownScopes=warn}. */
  Report(Diagnostic.Kind unknownScopeKind) {
    this.unknownScopeKind = unknownScopeKind;
  }

  void add(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
      Object... args) {
    addGuessing(message, null, element, annotation, value, args);
  }

  /** Like {@link #add}, with " Did you mean {@code guess}?" when {@code guess} is not null. */
  void addGuessing(Message message, String guess, Element element, AnnotationMirror annotation,
      AnnotationValue value, Object... args) {
    String text = message.format(args);
    if (guess != null) {
      text += ". Did you mean " + guess + "?";
    }
    Diagnostic.Kind kind = message == Message.UNKNOWN_SCOPE ? unknownScopeKind : message.kind();
    findings.add(new Finding(kind, text, element, annotation, value, -1));
  }

  /** A finding on the {@code index}th entry of {@code type}'s extends clause. */
  void addOnSuperinterface(Message message, TypeElement type, int index, Object... args) {
    findings.add(new Finding(message.kind(), message.format(args), type, null, null, index));
  }

  boolean hasErrors() {
    return findings.stream().anyMatch(finding -> finding.kind() == Diagnostic.Kind.ERROR);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** {@code extendsClause} may be null: findings on a supertype then go on the interface. */
  void printTo(Messager messager, ExtendsClause extendsClause) {
    for (Finding finding : findings) {
      if (finding.superinterface() >= 0 && extendsClause != null
          && extendsClause.print(finding.kind(), finding.text(),
              (TypeElement) finding.element(), finding.superinterface())) {
        continue;
      }
      if (finding.annotation() == null) {
        messager.printMessage(finding.kind(), finding.text(), finding.element());
      } else if (finding.value() == null) {
        messager.printMessage(finding.kind(), finding.text(), finding.element(),
            finding.annotation());
      } else {
        messager.printMessage(finding.kind(), finding.text(), finding.element(),
            finding.annotation(), finding.value());
      }
    }
  }
}
