package io.tokenwise.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A provider's scopes and operations, for the processor to check an interface's endpoints against
 * its declared scopes at compile time (docs/DESIGN.md, "A provider").
 */
public interface OperationTable {
  /** Every scope string the API uses, in table order. */
  Set<String> scopes();

  /** Every operation, in table order. */
  List<PaxosOperation> operations();

  /**
   * The operation with this method and path, whatever the placeholder names. A leading {@code /}
   * and a query are ignored.
   */
  Optional<PaxosOperation> find(String method, String path);

  /**
   * The table {@code table} gives, asked for on first use only: the runtime, which never consults
   * a table, never reads one.
   */
  static OperationTable lazy(Supplier<? extends OperationTable> table) {
    return new OperationTable() {
      @Override
      public Set<String> scopes() {
        return table.get().scopes();
      }

      @Override
      public List<PaxosOperation> operations() {
        return table.get().operations();
      }

      @Override
      public Optional<PaxosOperation> find(String method, String path) {
        return table.get().find(method, path);
      }
    };
  }
}
