package io.tokenwise.processor;

import io.tokenwise.internal.PaxosCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Tokenwise needs from an OpenAPI 3.x document, read once and immutable: the scopes of its
 * OAuth2 client-credentials schemes, and each operation's method, path template, id, base paths
 * (from {@code servers}) and security.
 *
 * <p>A scope is known when a client-credentials scheme declares it or a security requirement on
 * such a scheme uses it: real documents use scopes their scheme never declares (Paxos's declares
 * 36 of the 66 its operations use).
 */
final class OpenApiDocument {
  /** The operation keys of a path item, in the order OpenAPI lists them. */
  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Every {@code {template}}: a path parameter, or a server variable without a default. */
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]*}");

  /** Stands for a Retrofit placeholder when matching: no literal path segment contains it. */
  private static final String PLACEHOLDER_VALUE = "\0";

  /** Why a document cannot be used. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    private final Message message;

    Unusable(Message message, String detail) {
      super(detail, null, false, false);
      this.message = message;
    }

    Message message() {
      return message;
    }
  }

  /**
   * What an operation's {@code security} asks for.
   *
   * @param isPublic no token needed ({@code security: []}, an empty requirement, or none at all)
   * @param alternatives scope sets of the requirements a client-credentials token can meet, any
   *     one of which suffices; an empty set means any such token will do
   * @param otherSchemes the schemes of the requirements such a token cannot meet (an API key,
   *     another OAuth2 flow, ...)
   */
  record Security(boolean isPublic, List<Set<String>> alternatives, Set<String> otherSchemes) {
    Security {
      alternatives = List.copyOf(alternatives);
      otherSchemes = Collections.unmodifiableSet(new LinkedHashSet<>(otherSchemes));
    }

    /** True when a client-credentials token holding {@code granted} may call the operation. */
    boolean coveredBy(Set<String> granted) {
      return isPublic || alternatives.stream().anyMatch(granted::containsAll);
    }

    /** True when no client-credentials token may call the operation. */
    boolean unreachable() {
      return !isPublic && alternatives.isEmpty();
    }

    /** {@code a or b and c}, {@code no token}, {@code any token}, {@code only apiKey}. */
    String describe() {
      if (isPublic) {
        return "no token";
      }
      if (alternatives.isEmpty()) {
        return "only " + String.join(" or ", otherSchemes);
      }
      if (alternatives.stream().anyMatch(Set::isEmpty)) {
        return "any token";
      }
      return TableCoverage.describe(alternatives, " and ");
    }
  }

  /**
   * One operation.
   *
   * @param method upper case
   * @param path the template as the document writes it, starting with {@code /}
   * @param operationId null when the document gives none
   * @param basePaths the paths of its servers ({@code ""} for a server at the host's root,
   *     {@code "/v2"}); empty when the document names no server, so the base is unknown
   */
  record Operation(String method, String path, String operationId, List<String> basePaths,
      Security security) {
    Operation {
      basePaths = List.copyOf(basePaths);
    }

    /** The operation id, or {@code GET /path} when the document gives none. */
    String label() {
      return operationId != null ? operationId : method + " " + path;
    }

    /** Templated segments: fewer means more concrete, which OpenAPI matches first. */
    int templates() {
      return (int) path.chars().filter(c -> c == '{').count();
    }
  }

  private final Set<String> scopes;
  private final List<Operation> operations;
  /** By {@code METHOD path} with every template blanked, the path prefixed by a base path. */
  private final Map<String, List<Operation>> byServerPath = new LinkedHashMap<>();
  /** By {@code METHOD path} with every template blanked, without base path. */
  private final Map<String, List<Operation>> byDocumentPath = new LinkedHashMap<>();

  private OpenApiDocument(Set<String> scopes, List<Operation> operations) {
    this.scopes = Collections.unmodifiableSet(scopes);
    this.operations = List.copyOf(operations);
    for (Operation operation : operations) {
      for (String base : operation.basePaths()) {
        byServerPath.computeIfAbsent(key(operation.method(), base + operation.path()),
            k -> new ArrayList<>()).add(operation);
      }
      byDocumentPath.computeIfAbsent(key(operation.method(), operation.path()),
          k -> new ArrayList<>()).add(operation);
    }
  }

  /**
   * Reads the parsed tree of a document (maps, lists and scalars, as JSON and YAML parsers give
   * it). {@code yaml}: merge keys ({@code <<: *alias}) are applied.
   */
  static OpenApiDocument read(Object tree, boolean yaml) throws Unusable {
    return new TreeReader(tree, yaml).read();
  }

  /** Every scope a client-credentials scheme declares or a requirement on one uses. */
  Set<String> scopes() {
    return scopes;
  }

  List<Operation> operations() {
    return operations;
  }

  /**
   * The operation a Retrofit call reaches, the most concrete first when several templates match.
   *
   * @param method upper case
   * @param relativePath as written in the annotation: resolved against the base URL, its query
   *     ignored
   * @param basePath the base URL's path without its trailing slash ({@code ""}, {@code "/v2"}),
   *     or null when the base URL is not known at compile time
   */
  Optional<Operation> find(String method, String relativePath, String basePath) {
    String relative = "/" + PaxosCatalog.normalizePath(relativePath);
    List<Operation> exact = new ArrayList<>();
    if (basePath != null) {
      exact.addAll(byServerPath.getOrDefault(key(method, basePath + relative), List.of()));
      // A document without servers says nothing of the base: its paths follow the base URL's.
      byDocumentPath.getOrDefault(key(method, relative), List.of()).stream()
          .filter(operation -> operation.basePaths().isEmpty()).forEach(exact::add);
    } else {
      exact.addAll(byServerPath.getOrDefault(key(method, relative), List.of()));
      exact.addAll(byDocumentPath.getOrDefault(key(method, relative), List.of()));
    }
    if (!exact.isEmpty()) {
      return Optional.of(exact.get(0)); // equal up to template names: none is more concrete
    }
    // A literal segment where the document has a template: "users/me" reaches "/users/{id}".
    String written = "/" + relativePath.split("\\?", 2)[0].replaceFirst("^/+", "");
    String full = basePath == null ? null : basePath + written;
    return operations.stream()
        .filter(operation -> operation.method().equals(method))
        .filter(operation -> full != null && !operation.basePaths().isEmpty()
            ? reachesUnderAServer(full, operation)
            : reaches(written, operation.path())
                || (full == null && reachesUnderAServer(written, operation)))
        .min(Comparator.comparingInt(Operation::templates));
  }

  private static boolean reachesUnderAServer(String request, Operation operation) {
    return operation.basePaths().stream()
        .anyMatch(base -> reaches(request, base + operation.path()));
  }

  /**
   * The path a call would write to reach {@code operation}, relative to a base URL with path
   * {@code basePath} (null when unknown); absolute, with a leading {@code /}, when none of the
   * operation's servers lies under that path.
   */
  static String relativePath(Operation operation, String basePath) {
    if (basePath == null || operation.basePaths().isEmpty()) {
      return operation.path().substring(1);
    }
    List<String> base = segments(basePath);
    for (String server : operation.basePaths()) {
      List<String> full = segments(server + operation.path());
      if (full.size() > base.size() && reaches(base, full.subList(0, base.size()))) {
        return String.join("/", full.subList(base.size(), full.size()));
      }
    }
    return operation.basePaths().get(0) + operation.path();
  }

  /** True when a request path (with Retrofit placeholders) reaches a template path. */
  private static boolean reaches(String request, String template) {
    return reaches(segments(request), segments(template));
  }

  private static boolean reaches(List<String> request, List<String> template) {
    if (request.size() != template.size()) {
      return false;
    }
    for (int i = 0; i < request.size(); i++) {
      String written = request.get(i);
      String expected = template.get(i);
      if (!PaxosCatalog.normalizePath(written).equals(PaxosCatalog.normalizePath(expected))
          && !(expected.contains("{") && pattern(expected)
              .matcher(TEMPLATE.matcher(written).replaceAll(PLACEHOLDER_VALUE)).matches())) {
        return false;
      }
    }
    return true;
  }

  /** {@code /v2/users/{id}} → [v2, users, {id}]; {@code ""} → []. */
  private static List<String> segments(String path) {
    String bare = path.replaceFirst("^/+", "");
    return bare.isEmpty() ? List.of() : List.of(bare.split("/", -1));
  }

  /** A template segment as a pattern: literal text exactly, each template any characters. */
  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    int at = 0;
    var matcher = TEMPLATE.matcher(template);
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(at, matcher.start()))).append("[^/]+");
      at = matcher.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString());
  }

  private static String key(String method, String path) {
    return method + " " + PaxosCatalog.normalizePath(path);
  }

  /** Walks the tree, naming where each problem is: {@code paths./users.get.security[0]}. */
  private static final class TreeReader {
    private final Object tree;
    private final boolean yaml;
    private Map<String, Object> root;

    TreeReader(Object tree, boolean yaml) {
      this.tree = tree;
      this.yaml = yaml;
    }

    OpenApiDocument read() throws Unusable {
      if (!(tree instanceof Map<?, ?>)) {
        throw malformed(tree == null ? "it is empty"
            : "it is " + kind(tree) + ", not an object with an \"openapi\" field");
      }
      root = object(tree, "the document");
      Object openApi = root.get("openapi");
      if (openApi == null) {
        throw malformed(root.containsKey("swagger")
            ? "it is Swagger " + root.get("swagger") + ", not OpenAPI 3: convert it to OpenAPI 3.0"
                + " or 3.1"
            : "it has no \"openapi\" field");
      }
      String version = String.valueOf(openApi);
      if (!version.startsWith("3.")) {
        throw malformed("\"openapi\" is " + version + ", not 3.0 or 3.1");
      }
      Map<String, Set<String>> clientCredentials = new LinkedHashMap<>();
      List<String> otherSchemes = new ArrayList<>();
      readSchemes(clientCredentials, otherSchemes);
      Set<String> scopes = new LinkedHashSet<>();
      clientCredentials.values().forEach(scopes::addAll);

      List<String> rootBases = basePaths(root.get("servers"), "servers");
      List<Map<String, List<String>>> rootSecurity = root.containsKey("security")
          ? requirements(root.get("security"), "security") : List.of();
      List<Operation> operations = new ArrayList<>();
      Map<String, Object> paths = optionalObject(root.get("paths"), "paths");
      for (Map.Entry<String, Object> entry : paths.entrySet()) {
        String path = entry.getKey();
        if (path.startsWith("x-")) {
          continue; // an extension, not a path
        }
        String where = "paths." + path;
        if (!path.startsWith("/")) {
          throw malformed(where + " does not start with '/'");
        }
        Map<String, Object> item = resolve(object(entry.getValue(), where), where);
        List<String> itemBases = item.containsKey("servers")
            ? basePaths(item.get("servers"), where + ".servers") : rootBases;
        for (String method : METHODS) {
          if (!item.containsKey(method)) {
            continue;
          }
          String at = where + "." + method;
          Map<String, Object> operation = object(item.get(method), at);
          List<String> bases = operation.containsKey("servers")
              ? basePaths(operation.get("servers"), at + ".servers") : itemBases;
          List<Map<String, List<String>>> security = operation.containsKey("security")
              ? requirements(operation.get("security"), at + ".security") : rootSecurity;
          Object id = operation.get("operationId");
          operations.add(new Operation(method.toUpperCase(Locale.ROOT), path,
              id == null ? null : String.valueOf(id), bases,
              security(security, clientCredentials.keySet(), scopes)));
        }
      }
      if (clientCredentials.isEmpty()) {
        throw new Unusable(Message.OPENAPI_NO_CLIENT_CREDENTIALS, otherSchemes.isEmpty()
            ? "it has no components.securitySchemes"
            : "its schemes: " + String.join(", ", otherSchemes));
      }
      // Scopes only root security uses count too, even if no operation inherits it.
      security(rootSecurity, clientCredentials.keySet(), scopes);
      return new OpenApiDocument(scopes, operations);
    }

    /** Fills scheme name → declared scopes, and {@code name (type)} for every other scheme. */
    private void readSchemes(Map<String, Set<String>> clientCredentials, List<String> others)
        throws Unusable {
      Map<String, Object> components = optionalObject(root.get("components"), "components");
      String where = "components.securitySchemes";
      for (Map.Entry<String, Object> entry
          : optionalObject(components.get("securitySchemes"), where).entrySet()) {
        String at = where + "." + entry.getKey();
        Map<String, Object> scheme = resolve(object(entry.getValue(), at), at);
        String type = String.valueOf(scheme.get("type"));
        if (type.equals("oauth2")) {
          Map<String, Object> flows = optionalObject(scheme.get("flows"), at + ".flows");
          if (flows.containsKey("clientCredentials")) {
            String flow = at + ".flows.clientCredentials";
            Map<String, Object> declared =
                optionalObject(object(flows.get("clientCredentials"), flow).get("scopes"),
                    flow + ".scopes");
            clientCredentials.put(entry.getKey(), new LinkedHashSet<>(declared.keySet()));
            continue;
          }
          type = "oauth2: " + String.join(", ", flows.keySet());
        }
        others.add(entry.getKey() + " (" + type + ")");
      }
    }

    /**
     * What a list of requirement objects asks of a client-credentials token; adds the scopes
     * it uses on client-credentials schemes to {@code scopes}.
     */
    private static Security security(List<Map<String, List<String>>> requirements,
        Set<String> clientCredentials, Set<String> scopes) {
      if (requirements.isEmpty()) {
        return new Security(true, List.of(), Set.of());
      }
      boolean isPublic = false;
      List<Set<String>> alternatives = new ArrayList<>();
      Set<String> others = new LinkedHashSet<>();
      for (Map<String, List<String>> requirement : requirements) {
        if (requirement.isEmpty()) {
          isPublic = true; // {}: anonymous access is one of the alternatives
          continue;
        }
        if (clientCredentials.containsAll(requirement.keySet())) {
          Set<String> all = new LinkedHashSet<>();
          requirement.values().forEach(all::addAll);
          scopes.addAll(all);
          alternatives.add(Collections.unmodifiableSet(all));
        } else {
          requirement.keySet().stream().filter(name -> !clientCredentials.contains(name))
              .forEach(others::add);
        }
      }
      return new Security(isPublic, alternatives, others);
    }

    private List<Map<String, List<String>>> requirements(Object value, String where)
        throws Unusable {
      List<Map<String, List<String>>> requirements = new ArrayList<>();
      List<Object> list = list(value, where);
      for (int i = 0; i < list.size(); i++) {
        String at = where + "[" + i + "]";
        Map<String, List<String>> requirement = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object(list.get(i), at).entrySet()) {
          List<String> scopes = new ArrayList<>();
          String scopesAt = at + "." + entry.getKey();
          for (Object scope : list(entry.getValue(), scopesAt)) {
            if (scope instanceof Map<?, ?> || scope instanceof List<?> || scope == null) {
              throw malformed(scopesAt + " holds " + kind(scope) + ", where a scope name was"
                  + " expected");
            }
            scopes.add(String.valueOf(scope));
          }
          requirement.put(entry.getKey(), scopes);
        }
        requirements.add(requirement);
      }
      return requirements;
    }

    /** The path part of each server's URL. */
    private List<String> basePaths(Object servers, String where) throws Unusable {
      if (servers == null) {
        return List.of();
      }
      Set<String> paths = new LinkedHashSet<>();
      List<Object> list = list(servers, where);
      for (int i = 0; i < list.size(); i++) {
        String at = where + "[" + i + "]";
        Map<String, Object> server = object(list.get(i), at);
        Object url = server.get("url");
        if (url == null) {
          throw malformed(at + " has no url");
        }
        // A variable in the path matches any segment; its default, which may hold several, too.
        String withDefaults = String.valueOf(url);
        for (Map.Entry<String, Object> variable
            : optionalObject(server.get("variables"), at + ".variables").entrySet()) {
          Object fallback = object(variable.getValue(), at + ".variables." + variable.getKey())
              .get("default");
          if (fallback != null) {
            withDefaults = withDefaults.replace("{" + variable.getKey() + "}",
                String.valueOf(fallback));
          }
        }
        paths.add(pathOf(String.valueOf(url)));
        paths.add(pathOf(withDefaults));
      }
      return List.copyOf(paths);
    }

    /** {@code https://api.example.com/v2/} → {@code /v2}; {@code /} → {@code ""}. */
    static String pathOf(String url) {
      String path = url;
      int scheme = url.indexOf("://");
      if (scheme >= 0 || url.startsWith("//")) {
        int hostStart = scheme >= 0 ? scheme + 3 : 2;
        int slash = url.indexOf('/', hostStart);
        path = slash < 0 ? "" : url.substring(slash);
      }
      for (char stop : new char[] {'?', '#'}) {
        int at = path.indexOf(stop);
        if (at >= 0) {
          path = path.substring(0, at);
        }
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    /** Follows a local {@code $ref} ({@code #/components/pathItems/Users}). */
    private Map<String, Object> resolve(Map<String, Object> node, String where) throws Unusable {
      Map<String, Object> current = node;
      for (int hops = 0; current.containsKey("$ref"); hops++) {
        String ref = String.valueOf(current.get("$ref"));
        if (!ref.startsWith("#/")) {
          throw malformed(where + " refers to " + ref + " in another file, which Tokenwise does"
              + " not follow: bundle the document into one file");
        }
        if (hops == 16) {
          throw malformed(where + ": $ref " + ref + " is part of a cycle");
        }
        Object target = root;
        for (String token : ref.substring(2).split("/", -1)) {
          String name = token.replace("~1", "/").replace("~0", "~");
          target = target instanceof Map<?, ?> ? object(target, ref).get(name) : null;
        }
        if (!(target instanceof Map<?, ?>)) {
          throw malformed(where + ": $ref " + ref + " points at " + kind(target)
              + ", not an object");
        }
        current = object(target, ref);
      }
      return current;
    }

    private Map<String, Object> optionalObject(Object value, String where) throws Unusable {
      return value == null ? Map.of() : object(value, where);
    }

    /** A mapping with string keys; YAML merge keys applied, the mapping's own keys winning. */
    private Map<String, Object> object(Object value, String where) throws Unusable {
      if (!(value instanceof Map<?, ?> map)) {
        throw malformed(where + " is " + kind(value) + ", not an object");
      }
      Map<String, Object> object = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.put(String.valueOf(entry.getKey()), entry.getValue());
      }
      if (yaml && object.containsKey("<<")) {
        Object merged = object.remove("<<");
        List<Object> sources = merged instanceof List<?> list ? List.copyOf(list) : List.of(merged);
        for (Object source : sources) {
          if (source == null) {
            throw malformed(where + ".<< merges " + kind(null) + ", not a mapping");
          }
          object(source, where + ".<<").forEach(object::putIfAbsent);
        }
      }
      return object;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) throws Unusable {
      if (!(value instanceof List<?>)) {
        throw malformed(where + " is " + kind(value) + ", not a list");
      }
      return (List<Object>) value;
    }

    private static String kind(Object value) {
      return value == null ? "null" : value instanceof Map<?, ?> ? "an object"
          : value instanceof List<?> ? "a list" : value instanceof String ? "a string"
          : value instanceof Boolean ? "a boolean" : "a number";
    }

    private static Unusable malformed(String detail) {
      return new Unusable(Message.OPENAPI_MALFORMED, detail);
    }
  }
}
