package io.tokenwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Retrofit service interface whose calls need an OAuth2 client-credentials token.
 *
 * <p>The Tokenwise processor validates the interface at compile time (scopes, provider rules,
 * Retrofit method shapes and, for Paxos or any API whose OpenAPI document {@link #openApi} names,
 * the scope each endpoint needs) and generates
 * {@code <Interface>Client}, whose {@code create(ClientCredentials)} returns a ready service:
 *
 * <pre>{@code
 * @TokenEndpoint(provider = Provider.PAXOS, env = Env.SANDBOX, scopes = {"transfer:read_transfer"})
 * public interface PaxosTransfers {
 *   @GET("transfer/transfers") Call<TransferPage> transfers();
 * }
 *
 * PaxosTransfers paxos = PaxosTransfersClient.create(ClientCredentials.fromEnvironment(Provider.PAXOS));
 * }</pre>
 *
 * <p>Settings given to the generated builder at run time override the values given here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TokenEndpoint {
  /** The provider that issues the tokens. */
  Provider provider();

  /** The environment; sandbox unless said otherwise. */
  Env env() default Env.SANDBOX;

  /** The scopes to request, in the order sent. Paxos requires at least one; others take none. */
  String[] scopes() default {};

  /** Overrides the catalog's API base URL; must be absolute, https (http on loopback) and end with {@code /}. */
  String baseUrl() default "";

  /** Overrides the catalog's token URL; required for {@link Provider#CUSTOM}. */
  String tokenUrl() default "";

  /** How credentials are sent; {@link AuthStyle#DEFAULT} means the provider's own style. */
  AuthStyle authStyle() default AuthStyle.DEFAULT;

  /**
   * The API's OpenAPI 3.0 or 3.1 document (JSON or YAML), as a resource name such as {@code
   * "openapi/payments.yaml"}: the processor checks every declared scope and every method's verb
   * and path against it, and that the scopes cover each operation's {@code security}. For
   * {@link Provider#PAXOS} it replaces the built-in operation table. Empty (the default): no
   * document.
   *
   * <p>The processor looks the name up, relative to the root, on javac's source path, in its
   * class output directory, then on its class path. With Maven, keep the document in {@code
   * src/main/resources}: Maven copies it to {@code target/classes} (the class output, also on the
   * class path) before compiling. A document in a dependency jar is found on the class path.
   */
  String openApi() default "";
}
