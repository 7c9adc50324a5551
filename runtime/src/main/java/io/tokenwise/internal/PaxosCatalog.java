package io.tokenwise.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Paxos v2 scopes (66) and operations (125), read from the tables bundled with this class:
 * {@code paxos-scopes.tsv} and {@code paxos-operations.tsv}, copied from Paxos's OpenAPI document
 * of {@code info.version} {@value #API_VERSION} (all 125 of its operations, and every scope they
 * use, declared in its {@code securitySchemes} or not).
 *
 * <p>A newer Paxos API needs no new Tokenwise: {@code @TokenEndpoint(openApi = ...)} pointed at
 * the document Paxos publishes replaces these tables for that interface.
 */
public final class PaxosCatalog implements OperationTable {
  /** The {@code info.version} of the Paxos OpenAPI document the tables were taken from. */
  public static final String API_VERSION = "2.0";

  /** A {@code {name}} placeholder of one segment; compiled once, the processor asks per method. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^/}]*}");
  private static final PaxosCatalog INSTANCE = load();

  private final Set<String> scopes;
  private final List<PaxosOperation> operations;
  private final Map<String, PaxosOperation> byShape;

  private PaxosCatalog(Set<String> scopes, List<PaxosOperation> operations) {
    this.scopes = Collections.unmodifiableSet(scopes);
    this.operations = List.copyOf(operations);
    Map<String, PaxosOperation> shapes = new LinkedHashMap<>();
    for (PaxosOperation operation : operations) {
      shapes.put(shapeKey(operation.method(), operation.path()), operation);
    }
    this.byShape = Collections.unmodifiableMap(shapes);
  }

  /** The catalog. */
  public static PaxosCatalog get() {
    return INSTANCE;
  }

  /** Every scope string the API uses, in table order. */
  @Override
  public Set<String> scopes() {
    return scopes;
  }

  /** Every operation, in table order. */
  @Override
  public List<PaxosOperation> operations() {
    return operations;
  }

  /**
   * The operation with this method and path, whatever the placeholder names: {@code
   * profiles/{id}} finds {@code GET /profiles/{profile_id}}. A leading {@code /} and a query are
   * ignored.
   */
  @Override
  public Optional<PaxosOperation> find(String method, String path) {
    return Optional.ofNullable(byShape.get(shapeKey(method, path)));
  }

  /** {@code GET profiles/{}}: the method and the path with every placeholder blanked. */
  static String shapeKey(String method, String path) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + normalizePath(path);
  }

  /** The path without a leading slash or query, every {@code {name}} written {@code {}}. */
  public static String normalizePath(String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    while (bare.startsWith("/")) {
      bare = bare.substring(1);
    }
    return bare.indexOf('{') < 0 ? bare : PLACEHOLDER.matcher(bare).replaceAll("{}");
  }

  private static PaxosCatalog load() {
    Set<String> scopes = new LinkedHashSet<>();
    for (String[] row : read("paxos-scopes.tsv")) {
      scopes.add(row[0]);
    }
    List<PaxosOperation> operations = new ArrayList<>();
    for (String[] row : read("paxos-operations.tsv")) {
      operations.add(new PaxosOperation(row[0], row[1], parseRequirement(row[2]), row[3]));
    }
    return new PaxosCatalog(scopes, operations);
  }

  /**
   * {@code a | b+c} → [{a}, {b, c}]; {@code (public)} → []; {@code (none)}, a token with no
   * particular scope → [{}].
   */
  static List<Set<String>> parseRequirement(String requirement) {
    if (requirement.equals("(public)")) {
      return List.of();
    }
    if (requirement.equals("(none)")) {
      return List.of(Set.of());
    }
    List<Set<String>> alternatives = new ArrayList<>();
    for (String alternative : requirement.split("\\|")) {
      Set<String> all = new LinkedHashSet<>();
      for (String scope : alternative.split("\\+")) {
        all.add(scope.strip());
      }
      alternatives.add(Collections.unmodifiableSet(all));
    }
    return alternatives;
  }

  private static List<String[]> read(String resource) {
    try (InputStream in = PaxosCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Tokenwise jar is missing its resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      reader.readLine(); // header
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank()) {
          rows.add(Arrays.copyOf(line.split("\t", -1), 4));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
