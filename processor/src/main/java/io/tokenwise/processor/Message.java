package io.tokenwise.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor prints, in one place: an id users can search for, what is wrong
 * and how to fix it. Arguments fill the {@code %s}s; a "did you mean" is appended by the caller
 * when a near candidate exists.
 */
enum Message {
  // The annotated type.
  NOT_AN_INTERFACE("NotAnInterface", Diagnostic.Kind.ERROR,
      "@TokenEndpoint is on the %s %s, but Retrofit creates clients only for interfaces:"
          + " declare it as 'interface %s'"),
  GENERIC_INTERFACE("GenericInterface", Diagnostic.Kind.ERROR,
      "%s declares type parameters %s, which Retrofit cannot create at run time:"
          + " remove them and use concrete types in the methods"),
  GENERIC_SUPERINTERFACE("GenericSuperinterface", Diagnostic.Kind.ERROR,
      "%s extends %s, and its supertype %s declares type parameters %s: Retrofit refuses a"
          + " service interface with a generic interface among its supertypes, even with concrete"
          + " type arguments, so create() would always fail: declare the methods in %s itself,"
          + " or in an interface without type parameters"),
  INACCESSIBLE_INTERFACE("InaccessibleInterface", Diagnostic.Kind.ERROR,
      "%s cannot be reached by its generated client %s because %s: make it at least"
          + " package-private and declare it in a top-level or member type"),
  NAME_CLASH("NameClash", Diagnostic.Kind.ERROR,
      "Tokenwise generates %s for %s, but a type with that name already exists (%s):"
          + " rename that type or the interface"),

  // @TokenEndpoint attributes.
  NO_SCOPES("NoScopes", Diagnostic.Kind.ERROR,
      "%s issues a token only for the scopes it is asked for, and %s declares none:"
          + " list the scopes its endpoints need in @TokenEndpoint(scopes = {...})"),
  SCOPES_NOT_SUPPORTED("ScopesNotSupported", Diagnostic.Kind.ERROR,
      "%s carry no scopes, so scopes = %s would never be sent: remove the scopes attribute%s"),
  REQUIRES_SCOPES_NOT_APPLICABLE("ScopesNotSupported", Diagnostic.Kind.ERROR,
      "%s carry no scopes, so @RequiresScopes does not apply: remove it"),
  MISSING_TOKEN_URL("MissingTokenUrl", Diagnostic.Kind.ERROR,
      "a %s has no token URL of its own: set"
          + " @TokenEndpoint(tokenUrl = \"https://auth.example.com/oauth2/token\")"),
  MISSING_AUTH_STYLE("MissingAuthStyle", Diagnostic.Kind.ERROR,
      "a %s has no auth style of its own, so AuthStyle.DEFAULT means nothing:"
          + " set authStyle to AuthStyle.CLIENT_SECRET_POST, CLIENT_SECRET_BASIC or JSON_API_KEY"),
  INVALID_URL("InvalidUrl", Diagnostic.Kind.ERROR,
      "%s \"%s\" is not an absolute http(s) URL (%s): write it in full, like %s"),
  URL_WITH_USER_INFO("UrlWithUserInfo", Diagnostic.Kind.ERROR,
      "%s \"%s\" carries user info (user:password), which would put a credential in the"
          + " source and in every log of the URL: remove it and pass the credentials with"
          + " ClientCredentials.of(clientId, secret)"),
  INSECURE_URL("InsecureUrl", Diagnostic.Kind.ERROR,
      "%s \"%s\" uses plain http, which would send %s in clear text: use https"
          + " (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)"),
  INSECURE_METHOD_URL("InsecureUrl", Diagnostic.Kind.ERROR,
      "@%s \"%s\" uses plain http, so the request of %s would travel in clear text, and"
          + " without the access token, which Tokenwise never sends over plain http: use https"
          + " (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)"),
  CROSS_ORIGIN_URL("CrossOriginUrl", Diagnostic.Kind.ERROR,
      "@%s \"%s\" is not on the origin of the base URL %s, and Tokenwise attaches the access"
          + " token only to requests to that origin, so %s would be sent without it: make the"
          + " path relative if it belongs to this API, or annotate the method with"
          + " @WithoutAccessToken if it needs no token"),
  BASE_URL_SLASH("BaseUrlSlash", Diagnostic.Kind.ERROR,
      "baseUrl \"%s\" does not end with '/', so Retrofit would drop its last segment"
          + " when resolving relative paths: end it with '/'"),
  UNPUBLISHED_URL("UnpublishedUrl", Diagnostic.Kind.WARNING,
      "%s publishes no %s %s, so build() will fail unless one is given: call %s on"
          + " the generated builder at run time (or set it in @TokenEndpoint)"),

  // Scopes.
  INVALID_SCOPE("InvalidScope", Diagnostic.Kind.ERROR,
      "\"%s\" is not a valid OAuth2 scope token (RFC 6749 section 3.3): %s"),
  DUPLICATE_SCOPE("DuplicateScope", Diagnostic.Kind.WARNING,
      "scope \"%s\" is declared twice: remove this copy"),
  UNKNOWN_SCOPE("UnknownScope", Diagnostic.Kind.ERROR,
      "\"%s\" is not a %s scope, so the token request would fail:"
          + " use a scope from the %s API reference"
          + " (pass -Atokenwise.unknownScopes=warn for scopes newer than Tokenwise's table)"),
  UNDECLARED_SCOPE("UndeclaredScope", Diagnostic.Kind.ERROR,
      "@RequiresScopes names \"%s\", which %s does not request:"
          + " add it to @TokenEndpoint(scopes = {...})"),

  // Retrofit methods.
  MISSING_HTTP_METHOD("MissingHttpMethod", Diagnostic.Kind.ERROR,
      "%s has no Retrofit HTTP method annotation: annotate it with one of @GET, @POST, @PUT,"
          + " @DELETE, @PATCH, @HEAD, @OPTIONS or @HTTP (retrofit2.http)"),
  MULTIPLE_HTTP_METHODS("MultipleHttpMethods", Diagnostic.Kind.ERROR,
      "%s has both @%s and @%s, and Retrofit allows only one HTTP method per method:"
          + " keep one"),
  UNSUPPORTED_RETURN_TYPE("UnsupportedReturnType", Diagnostic.Kind.ERROR,
      "%s returns %s, %s: return retrofit2.Call<T> or"
          + " java.util.concurrent.CompletableFuture<T> with a concrete T"),
  NEEDS_CALL_ADAPTER("NeedsCallAdapter", Diagnostic.Kind.WARNING,
      "%s returns %s, which only a call adapter such as %s adapts, and that is not on the class"
          + " path: add %s and build the client with addCallAdapterFactory(%s.create()),"
          + " or return retrofit2.Call<T>"),
  OKHTTP_RESPONSE_BODY("UnsupportedBodyType", Diagnostic.Kind.ERROR,
      "%s returns %s, but okhttp3.Response is not a body type, so Retrofit would reject the"
          + " method at run time: use okhttp3.ResponseBody for the raw body, or"
          + " retrofit2.Response<T> for the status and headers"),
  RESPONSE_AS_BODY("UnsupportedBodyType", Diagnostic.Kind.ERROR,
      "%s returns %s, but retrofit2.Response is not a body type: Retrofit would look for a"
          + " converter of Response itself and reject the method at run time. Call<T>.execute()"
          + " already returns a Response<T>: make T the body type"),
  RAW_RESPONSE("UnsupportedBodyType", Diagnostic.Kind.ERROR,
      "%s returns %s, whose retrofit2.Response has no type argument, so Retrofit cannot know the"
          + " body type and would reject the method at run time: write Response<T> with a"
          + " concrete T"),
  SUSPEND_RETURNING_CALL("UnsupportedBodyType", Diagnostic.Kind.ERROR,
      "%s is a Kotlin suspend function returning %s, which Retrofit rejects at run time because"
          + " a suspend function already runs asynchronously: return the body type itself"),
  HEAD_WITH_BODY("HeadWithBody", Diagnostic.Kind.ERROR,
      "%s is a HEAD request, whose response has no body, but it expects a %s body, which"
          + " Retrofit rejects at run time: use Void as the body type (Unit in Kotlin)"),
  UNANNOTATED_PARAMETER("UnannotatedParameter", Diagnostic.Kind.ERROR,
      "parameter %s of %s has no Retrofit annotation, so Retrofit would reject %s at run time:"
          + " annotate it with @Path, @Query, @Header, @Body or another retrofit2.http parameter"
          + " annotation, or remove it"),
  UNRESOLVABLE_PARAMETER_TYPE("UnresolvableParameterType", Diagnostic.Kind.ERROR,
      "parameter %s of %s has type %s, whose wildcard or type variable Retrofit cannot resolve"
          + " at run time, so it would reject %s: use a concrete type, such as"
          + " Map<String, String> for a @QueryMap"),
  BODY_NOT_ALLOWED("BodyNotAllowed", Diagnostic.Kind.ERROR,
      "%s sends a %s request, which has no body, so Retrofit would reject @Body on parameter %s"
          + " at run time: use @POST, @PUT or @PATCH, or @HTTP(method = \"%s\", path = \"...\","
          + " hasBody = true)"),
  MISSING_ENCODING("MissingEncoding", Diagnostic.Kind.ERROR,
      "@%s on parameter %s needs the method to be @%s, so Retrofit would reject %s at run time:"
          + " annotate %s with @%s"),
  OWN_AUTHORIZATION("OwnAuthorization", Diagnostic.Kind.ERROR,
      "%s sets its own Authorization header (%s), which Tokenwise would replace with its bearer"
          + " token: remove it, or, if the method must send its own, annotate it with"
          + " @WithoutAccessToken (io.tokenwise), so that Tokenwise sends it without the token and"
          + " leaves the header as written"),
  MISSING_PATH_PARAMETER("MissingPathParameter", Diagnostic.Kind.ERROR,
      "{%s} in \"%s\" has no @Path(\"%s\") parameter, so Retrofit would reject %s at run time:"
          + " add a parameter @Path(\"%s\") String %s"),
  UNUSED_PATH_PARAMETER("UnusedPathParameter", Diagnostic.Kind.ERROR,
      "@Path(\"%s\") on parameter %s matches no {%s} in %s: rename it to a placeholder of the"
          + " path or remove the annotation"),
  QUERY_PLACEHOLDER("QueryPlaceholder", Diagnostic.Kind.ERROR,
      "the query of \"%s\" contains {%s}, which Retrofit does not replace:"
          + " pass it with a @Query(\"name\") parameter instead"),
  URL_WITH_PATH("UrlWithPath", Diagnostic.Kind.ERROR,
      "%s takes its whole URL from its @Url parameter, so the relative path \"%s\" would be"
          + " ignored: write @%s without a path"),
  MISSING_PATH("MissingPath", Diagnostic.Kind.ERROR,
      "%s has neither a relative path nor a @Url parameter: give @%s a path"
          + " or add a @Url parameter"),
  LEADING_SLASH("LeadingSlash", Diagnostic.Kind.ERROR,
      "\"%s\" starts with '/', so Retrofit resolves it against the host and drops the base"
          + " path %s of %s: remove the leading '/'"),

  // Endpoints checked against a provider's operation table (Paxos's). The id names Paxos: ids are
  // documented and stay.
  MISSING_SCOPE("MissingScope", Diagnostic.Kind.ERROR,
      "%s %s is the %s operation %s, which needs %s; %s does not request it, so the call"
          + " would fail with 403: add %s to @TokenEndpoint(scopes = {...})"),
  UNKNOWN_PATH("UnknownPaxosPath", Diagnostic.Kind.WARNING,
      "%s %s is not in Tokenwise's table of %s operations, so the scopes it needs"
          + " cannot be checked: fix the path, or declare the scopes with @RequiresScopes"
          + " if the endpoint is newer than the table"),

  // OpenAPI documents (@TokenEndpoint(openApi = ...)).
  OPENAPI_NOT_FOUND("OpenApiNotFound", Diagnostic.Kind.ERROR,
      "OpenAPI document \"%s\" is not on the source path, in the class output or on the class"
          + " path: keep it in src/main/resources (Maven copies it to target/classes before"
          + " compiling) or in a jar on the class path, and name it from that root, like"
          + " \"openapi/api.yaml\""),
  OPENAPI_MALFORMED("OpenApiMalformed", Diagnostic.Kind.ERROR,
      "OpenAPI document \"%s\" cannot be read: %s; give an OpenAPI 3.0 or 3.1 document in JSON"
          + " or YAML, in one file"),
  OPENAPI_NO_CLIENT_CREDENTIALS("OpenApiNoClientCredentials", Diagnostic.Kind.ERROR,
      "OpenAPI document \"%s\" declares no OAuth2 security scheme with a clientCredentials flow"
          + " (%s), so no operation can be checked against it: add one to"
          + " components.securitySchemes, or remove openApi"),
  OPENAPI_UNKNOWN_SCOPE("OpenApiUnknownScope", Diagnostic.Kind.ERROR,
      "\"%s\" is not a scope of OpenAPI document \"%s\", so the token request would fail:"
          + " use a scope that its client-credentials scheme declares or its operations require"),
  OPENAPI_MISSING_SCOPE("OpenApiMissingScope", Diagnostic.Kind.ERROR,
      "%s %s is operation %s of OpenAPI document \"%s\", which needs %s; %s does not request"
          + " it, so the call would fail with 403: add %s to @TokenEndpoint(scopes = {...})"),
  OPENAPI_UNKNOWN_PATH("OpenApiUnknownPath", Diagnostic.Kind.WARNING,
      "%s %s is not an operation of OpenAPI document \"%s\", so the scopes it needs cannot be"
          + " checked: fix the path, or declare the scopes with @RequiresScopes if the endpoint"
          + " is newer than the document"),
  OPENAPI_OTHER_SECURITY("OpenApiOtherSecurity", Diagnostic.Kind.WARNING,
      "%s %s is operation %s of OpenAPI document \"%s\", which accepts only %s, not an"
          + " OAuth2 client-credentials token, so the call would fail with 401: call it with a"
          + " client that holds those credentials"),

  // The processor itself.
  UNRESOLVED_TYPE("UnresolvedType", Diagnostic.Kind.ERROR,
      "%s refers to %s, which no round of annotation processing produced, so its client was"
          + " not generated: fix the import or the processor that should generate it"),
  INVALID_OPTION("InvalidOption", Diagnostic.Kind.WARNING,
      "-Atokenwise.unknownScopes=%s is not understood: use 'warn' or 'error';"
          + " unknown scopes stay errors"),
  INVALID_INJECT_OPTION("InvalidOption", Diagnostic.Kind.WARNING,
      "-Atokenwise.inject=%s is not understood: use 'jakarta' or 'none';"
          + " clients are generated without dependency injection"),
  INJECT_MISSING("InjectMissing", Diagnostic.Kind.ERROR,
      "-Atokenwise.inject=jakarta asks for injectable clients, but jakarta.inject.Provider is not"
          + " on the compile class path: add jakarta.inject:jakarta.inject-api, or drop the"
          + " option"),
  WRITE_FAILED("WriteFailed", Diagnostic.Kind.ERROR,
      "could not write %s: %s"),
  INTERNAL_ERROR("InternalError", Diagnostic.Kind.ERROR,
      "Tokenwise failed while processing %s. This is a bug in Tokenwise, not in your code;"
          + " please report it with this trace:%n%s");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String format;

  Message(String id, Diagnostic.Kind kind, String format) {
    this.id = id;
    this.kind = kind;
    this.format = format;
  }

  /** {@code [Tokenwise/UnknownScope]}. */
  String tag() {
    return "[Tokenwise/" + id + "]";
  }

  Diagnostic.Kind kind() {
    return kind;
  }

  /** The full text: id, then the formatted explanation. */
  String format(Object... args) {
    return tag() + " " + String.format(format, args);
  }
}
