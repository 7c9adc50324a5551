package io.tokenwise;

/**
 * The superclass of every generated client, such as {@code PaxosTransfersClient}. It gives the
 * client its {@link Builder}, so the processor writes one small class per interface: {@code
 * PaxosTransfersClient.Builder} is this class's {@code Builder} of {@code PaxosTransfers}. Build
 * clients with {@code PaxosTransfersClient.create(...)}, {@code PaxosTransfersClient.builder()}
 * or {@link Tokenwise#create}; nothing here is meant for hand-written code.
 *
 * @param <T> the annotated service interface
 */
public abstract class GeneratedClient<T> {
  /** For generated clients only. */
  protected GeneratedClient() {}

  /**
   * A builder of {@code api} that starts from its {@code @TokenEndpoint} as the processor
   * resolved and checked it at compile time, so that the runtime checks only what is set at run
   * time (docs/DESIGN.md, "The processor resolves, the runtime trusts").
   *
   * @param authStyle the resolved style, never {@code DEFAULT}
   * @param tokenUrl the annotation's token URL, or null for the provider's own in the env used
   * @param baseUrl the annotation's base URL, or null for the provider's own in the env used
   * @param scopes the declared scopes, in declared order
   */
  protected static <T> GeneratedClient<T>.Builder newBuilder(Class<T> api, Provider provider,
      Env env, AuthStyle authStyle, String tokenUrl, String baseUrl, String... scopes) {
    return new Unbound<T>().new Builder(api, provider, env, authStyle, tokenUrl, baseUrl, scopes);
  }

  /**
   * The builder of a generated client: every setting of {@link ClientBuilder}, each returning
   * this builder, and {@link #build()} returning the service.
   */
  public final class Builder extends ClientBuilder<T, Builder> {
    Builder(Class<T> api, Provider provider, Env env, AuthStyle authStyle, String tokenUrl,
        String baseUrl, String... scopes) {
      super(api, provider, env, authStyle, tokenUrl, baseUrl, scopes);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }

  /**
   * The enclosing instance a {@link Builder} needs to know its {@code T}: it holds nothing, so
   * static {@code builder()} methods need no instance of the generated class.
   */
  private static final class Unbound<T> extends GeneratedClient<T> {}
}
