package io.tokenwise.internal;

import io.tokenwise.AuthStyle;
import io.tokenwise.Env;
import io.tokenwise.Provider;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Tokenwise knows of one provider, in one place (docs/DESIGN.md, "A provider"): its
 * name, URLs per environment (absent where no document publishes one: never invented), its own
 * auth style, its scopes and their table, the environment variables of its credentials, and the
 * ways its wire differs from RFC 6749. The processor checks interfaces with it at compile time;
 * the runtime builds requests and reads answers with it.
 *
 * @param provider the constant this defines
 * @param displayName the provider's name in messages; for a provider with no URLs of its own, a
 *     kind of server read after "a" ("CUSTOM provider")
 * @param apiVersion the version of its API that its operation table describes ("v2"), or null
 * @param authStyle what {@code AuthStyle.DEFAULT} means; {@code DEFAULT} when the provider has no
 *     style of its own and the user must choose one (CUSTOM)
 * @param scopes whether its token requests carry scopes
 * @param operationTable its scopes and operations, when Tokenwise bundles them
 * @param sandboxTokenUrl token URL in {@link Env#SANDBOX}, or null when unpublished
 * @param productionTokenUrl token URL in {@link Env#PRODUCTION}, or null when unpublished
 * @param sandboxBaseUrl API base URL in {@link Env#SANDBOX}, or null when unpublished
 * @param productionBaseUrl API base URL in {@link Env#PRODUCTION}, or null when unpublished
 * @param clientIdVariable environment variable of the client id, in the provider's own words
 * @param secretVariable environment variable of the secret, in the provider's own words
 * @param wire how its token request and answers differ from RFC 6749
 * @param fleetSingleFlight whether a fleet sharing tokens should send one token request per
 *     refresh for all its instances by default: for providers that throttle token requests or
 *     revoke the previous token when they issue one
 */
public record ProviderSpec(
    Provider provider,
    String displayName,
    String apiVersion,
    AuthStyle authStyle,
    Scopes scopes,
    Optional<OperationTable> operationTable,
    String sandboxTokenUrl,
    String productionTokenUrl,
    String sandboxBaseUrl,
    String productionBaseUrl,
    String clientIdVariable,
    String secretVariable,
    Wire wire,
    boolean fleetSingleFlight) {

  /** Placeholder in a base URL that the client fills with the (path-encoded) client id. */
  public static final String CLIENT_ID_PLACEHOLDER = "{clientId}";

  /** Whether a provider's token requests carry scopes. */
  public enum Scopes {
    /** It has none: declaring any is an error. */
    NONE,
    /** Any, or none (CUSTOM). */
    OPTIONAL,
    /** It issues a token only for the scopes asked for (Paxos): an interface must declare some. */
    REQUIRED
  }

  /** What a lone {@code error} field of an error body holds. */
  public enum ErrorField {
    /** An error code, as in RFC 6749 section 5.2 ({@code {"error": "invalid_client"}}). */
    CODE,
    /** A human-readable message (Papaya: {@code {"error": "Invalid credentials"}}). */
    MESSAGE
  }

  /**
   * Where the provider's wire differs from RFC 6749.
   *
   * @param rawBasicPair Basic credentials are the raw {@code clientId:secret}, not RFC 6749's
   *     form-encoded pair (Mangopay's {@code ClientId:ApiKey})
   * @param errorField what a lone {@code error} field of its error bodies holds
   * @param userActionChallenge the {@code WWW-Authenticate} scheme of an API 401 that asks the
   *     user to act (strong customer authentication), never a sign of an expired token: Mangopay's
   *     {@code PendingUserAction}; null when the provider has none
   */
  public record Wire(boolean rawBasicPair, ErrorField errorField, String userActionChallenge) {
    /** RFC 6749 as written. */
    public static final Wire OAUTH2 = new Wire(false, ErrorField.CODE, null);

    /** Checks that the error field is given. */
    public Wire {
      Objects.requireNonNull(errorField, "errorField");
    }

    /** True when {@code challenge}, one {@code WWW-Authenticate} value, asks the user to act. */
    public boolean asksUserToAct(String challenge) {
      return userActionChallenge != null && challenge.trim().toLowerCase(Locale.ROOT)
          .startsWith(userActionChallenge.toLowerCase(Locale.ROOT));
    }
  }

  /** Checks that every required part is given. */
  public ProviderSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(authStyle, "authStyle");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(operationTable, "operationTable");
    Objects.requireNonNull(wire, "wire");
  }

  /** Its API's name in messages: the display name and, when known, the version ("Paxos v2"). */
  public String apiName() {
    return apiVersion == null ? displayName : displayName + " " + apiVersion;
  }

  /** The documented token URL for {@code env}, or empty when none is published. */
  public Optional<String> tokenUrl(Env env) {
    return Optional.ofNullable(env == Env.SANDBOX ? sandboxTokenUrl : productionTokenUrl);
  }

  /** The documented API base URL for {@code env}, or empty when none is published. */
  public Optional<String> baseUrl(Env env) {
    return Optional.ofNullable(env == Env.SANDBOX ? sandboxBaseUrl : productionBaseUrl);
  }

  /** Whether its token requests may carry scopes. */
  public boolean takesScopes() {
    return scopes != Scopes.NONE;
  }

  /**
   * True when the provider publishes no token URL in any environment (CUSTOM): the interface
   * must give one. Otherwise a missing one is only unpublished for one environment.
   */
  public boolean requiresTokenUrl() {
    return sandboxTokenUrl == null && productionTokenUrl == null;
  }

  /**
   * The style a token request uses: {@code declared}, else the provider's own; empty when neither
   * says (CUSTOM without an auth style).
   */
  public Optional<AuthStyle> resolveAuthStyle(AuthStyle declared) {
    AuthStyle style = declared != AuthStyle.DEFAULT ? declared : authStyle;
    return style == AuthStyle.DEFAULT ? Optional.empty() : Optional.of(style);
  }

  /** A definition for {@code provider}, to be completed with the builder's setters. */
  static Builder define(Provider provider, String displayName) {
    return new Builder(provider, displayName);
  }

  /** Reads like the provider's documentation: URLs, style, scopes, variables, quirks. */
  static final class Builder {
    private final Provider provider;
    private final String displayName;
    private String apiVersion;
    private AuthStyle authStyle = AuthStyle.DEFAULT;
    private Scopes scopes = Scopes.NONE;
    private OperationTable operationTable;
    private String sandboxTokenUrl;
    private String productionTokenUrl;
    private String sandboxBaseUrl;
    private String productionBaseUrl;
    private String clientIdVariable;
    private String secretVariable;
    private Wire wire = Wire.OAUTH2;
    private boolean fleetSingleFlight;

    private Builder(Provider provider, String displayName) {
      this.provider = provider;
      this.displayName = displayName;
    }

    /** The API version its operation table describes, as its documentation writes it. */
    Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    Builder authStyle(AuthStyle authStyle) {
      this.authStyle = authStyle;
      return this;
    }

    Builder scopes(Scopes scopes) {
      this.scopes = scopes;
      return this;
    }

    Builder operationTable(OperationTable operationTable) {
      this.operationTable = operationTable;
      return this;
    }

    /** Null where the provider publishes none. */
    Builder tokenUrls(String sandbox, String production) {
      this.sandboxTokenUrl = sandbox;
      this.productionTokenUrl = production;
      return this;
    }

    /** Null where the provider publishes none. */
    Builder baseUrls(String sandbox, String production) {
      this.sandboxBaseUrl = sandbox;
      this.productionBaseUrl = production;
      return this;
    }

    Builder credentialVariables(String clientId, String secret) {
      this.clientIdVariable = clientId;
      this.secretVariable = secret;
      return this;
    }

    Builder wire(Wire wire) {
      this.wire = wire;
      return this;
    }

    /** A fleet shares one token request per refresh by default (see the record's doc). */
    Builder fleetSingleFlight() {
      this.fleetSingleFlight = true;
      return this;
    }

    ProviderSpec build() {
      return new ProviderSpec(provider, displayName, apiVersion, authStyle, scopes,
          Optional.ofNullable(operationTable), sandboxTokenUrl, productionTokenUrl, sandboxBaseUrl,
          productionBaseUrl, Objects.requireNonNull(clientIdVariable, "clientIdVariable"),
          Objects.requireNonNull(secretVariable, "secretVariable"), wire, fleetSingleFlight);
    }
  }
}
