package io.tokenwise.internal;

/**
 * The name of an interface's generated client, decided once for the processor (which writes it)
 * and {@code Tokenwise.create} (which loads it): {@code a.b.Outer$Inner} → {@code
 * a.b.Outer_InnerClient}, a top-level class in the interface's package.
 */
public final class ClientNaming {
  /** What a client's simple name adds to the interface's. */
  public static final String SUFFIX = "Client";

  /**
   * The client's simple name.
   *
   * @param packageName the interface's package, empty for the unnamed one
   * @param binaryName the interface's binary name ({@code a.b.Outer$Inner})
   */
  public static String clientSimpleName(String packageName, String binaryName) {
    String simple = packageName.isEmpty()
        ? binaryName : binaryName.substring(packageName.length() + 1);
    return simple.replace('$', '_') + SUFFIX;
  }

  /** The client's binary (and canonical) name. */
  public static String clientName(String packageName, String binaryName) {
    String simple = clientSimpleName(packageName, binaryName);
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }

  private ClientNaming() {}
}
