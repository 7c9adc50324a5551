package io.tokenwise.processor;

import com.palantir.javapoet.ClassName;
import io.tokenwise.internal.ClientNaming;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Every name the generated code uses, in one place. The client's own name is {@link
 * ClientNaming}'s, which {@code io.tokenwise.Tokenwise.create} looks up with.
 */
final class ClientNames {
  /** The folder of the client index, read by the Spring Boot starter. */
  static final String INDEX_FOLDER = "META-INF/tokenwise/clients/";
  /** The builder type every client inherits from {@code GeneratedClient}. */
  static final String BUILDER = "Builder";
  static final String CREATE = "create";
  static final String BUILDER_METHOD = "builder";
  static final String NEW_BUILDER = "newBuilder";
  static final String CREDENTIALS = "credentials";
  static final String CREDENTIALS_SOURCE = "credentialsSource";

  static final ClassName GENERATED_CLIENT = ClassName.get("io.tokenwise", "GeneratedClient");
  static final ClassName INJECTABLE_CLIENT = ClassName.get("io.tokenwise", "InjectableClient");
  /** The builder of clients that an earlier Tokenwise generated (a nested class of their own). */
  static final ClassName CLIENT_BUILDER = ClassName.get("io.tokenwise", "ClientBuilder");
  static final ClassName CLIENT_CREDENTIALS = ClassName.get("io.tokenwise", "ClientCredentials");
  static final ClassName CREDENTIALS_SOURCE_TYPE = ClassName.get("io.tokenwise", "CredentialsSource");
  static final ClassName PROVIDER = ClassName.get("io.tokenwise", "Provider");
  static final ClassName ENV = ClassName.get("io.tokenwise", "Env");
  static final ClassName AUTH_STYLE = ClassName.get("io.tokenwise", "AuthStyle");
  static final ClassName TOKEN_ENDPOINT = ClassName.get("io.tokenwise", "TokenEndpoint");
  static final ClassName REQUIRES_SCOPES = ClassName.get("io.tokenwise", "RequiresScopes");
  static final ClassName WITHOUT_ACCESS_TOKEN =
      ClassName.get("io.tokenwise", "WithoutAccessToken");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
  static final ClassName INJECT_PROVIDER = ClassName.get("jakarta.inject", "Provider");

  // Compiled once: configurationName runs for every interface.
  private static final Pattern LOWER_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern DASHES = Pattern.compile("-+");

  /** The generated client of {@code api}: a top-level class in the interface's package. */
  static ClassName client(TypeElement api, Elements elements) {
    String packageName = elements.getPackageOf(api).getQualifiedName().toString();
    String binary = elements.getBinaryName(api).toString();
    return ClassName.get(packageName, ClientNaming.clientSimpleName(packageName, binary));
  }

  /** Where the client index entry of {@code api} goes: one resource per interface. */
  static String indexResource(TypeElement api, Elements elements) {
    return INDEX_FOLDER + elements.getBinaryName(api);
  }

  /**
   * The client's name in configuration ({@code tokenwise.clients.<name>.*}): the client's simple
   * name without {@code Client}, in kebab case. {@code PaxosTransfers} gives {@code
   * paxos-transfers}, nested {@code Banking.Accounts} gives {@code banking-accounts}.
   */
  static String configurationName(ClassName client) {
    String simple = client.simpleName();
    String base = simple.substring(0, simple.length() - ClientNaming.SUFFIX.length());
    String kebab = base.replace('_', '-');
    kebab = LOWER_UPPER.matcher(kebab).replaceAll("$1-$2");
    kebab = ACRONYM_WORD.matcher(kebab).replaceAll("$1-$2");
    return DASHES.matcher(kebab).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  private ClientNames() {}
}
