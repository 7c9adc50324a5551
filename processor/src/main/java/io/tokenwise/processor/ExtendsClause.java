package io.tokenwise.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Puts a diagnostic on one entry of an interface's extends clause, which {@code Messager} cannot
 * point at. Needs javac's tree API; where that is missing (another compiler, a wrapped processing
 * environment) {@link #of} returns null and callers report on the interface instead.
 */
final class ExtendsClause {
  private final Trees trees;

  private ExtendsClause(Trees trees) {
    this.trees = trees;
  }

  /** javac's tree API for {@code env}, or null when it is not javac's. */
  static ExtendsClause of(ProcessingEnvironment env) {
    try {
      return new ExtendsClause(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  /**
   * Prints {@code text} on the {@code index}th type {@code type} extends; false when its source
   * is not at hand.
   */
  boolean print(Diagnostic.Kind kind, String text, TypeElement type, int index) {
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree tree)) {
      return false;
    }
    // javac keeps an interface's 'extends' list in the implements clause.
    List<? extends Tree> clause = tree.getImplementsClause();
    if (index >= clause.size()) {
      return false;
    }
    trees.printMessage(kind, text, clause.get(index), path.getCompilationUnit());
    return true;
  }
}
