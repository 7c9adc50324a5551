package io.tokenwise.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The OpenAPI documents that {@code @TokenEndpoint(openApi = ...)} names, each found through the
 * {@link Filer}, read and parsed once per compilation however many interfaces name it: JSON with
 * Jackson's streaming parser, YAML (anchors, aliases and merge keys included) with
 * snakeyaml-engine.
 */
final class OpenApiDocuments {
  /**
   * Where a name is looked up, in order: the source path, the class output (where Maven has
   * copied {@code src/main/resources} before compiling), the class path (dependency jars).
   */
  static final List<StandardLocation> LOCATIONS = List.of(StandardLocation.SOURCE_PATH,
      StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH);

  /** Larger is surely not an API description; it would only cost memory. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  /** Jackson's factory, built on first use: most compilations name no JSON document. */
  private static final class Json {
    static final JsonFactory FACTORY =
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * A document, or why none can be used.
   *
   * @param document null when {@code problem} is set
   * @param problem null when the document is usable
   * @param detail what {@code problem}'s text says after the document's name
   */
  record Loaded(OpenApiDocument document, Message problem, String detail) {}

  private final Filer filer;
  private final Map<String, Loaded> cache = new HashMap<>();

  OpenApiDocuments(Filer filer) {
    this.filer = filer;
  }

  /** The document named {@code name}, read on first use. */
  Loaded load(String name) {
    return cache.computeIfAbsent(name, this::read);
  }

  private Loaded read(String name) {
    Optional<byte[]> content;
    try {
      content = find(name);
    } catch (OpenApiDocument.Unusable e) {
      return new Loaded(null, e.message(), e.getMessage());
    }
    if (content.isEmpty()) {
      return new Loaded(null, Message.OPENAPI_NOT_FOUND, null);
    }
    try {
      boolean yaml = isYaml(name, content.get());
      Object tree = yaml ? parseYaml(content.get()) : parseJson(content.get());
      return new Loaded(OpenApiDocument.read(tree, yaml), null, null);
    } catch (OpenApiDocument.Unusable e) {
      return new Loaded(null, e.message(), e.getMessage());
    } catch (StackOverflowError e) {
      // A YAML parser recurses once per nesting level and has no limit of its own.
      return new Loaded(null, Message.OPENAPI_MALFORMED, "it is nested too deeply");
    }
  }

  /** The bytes of the first location that has {@code name}. */
  private Optional<byte[]> find(String name) throws OpenApiDocument.Unusable {
    String relative = name.startsWith("/") ? name.substring(1) : name;
    // Resource names stay below the root: no empty, "." or ".." segment, no backslash.
    if (relative.isBlank() || relative.contains("\\") || List.of(relative.split("/", -1))
        .stream().anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
      return Optional.empty();
    }
    for (StandardLocation location : LOCATIONS) {
      FileObject file;
      try {
        file = filer.getResource(location, "", relative);
      } catch (IOException | RuntimeException e) {
        // Not there, or a location this javac does not have. A file manager's own exceptions
        // arrive wrapped in javac's ClientCodeException.
        continue;
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED,
              "it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return Optional.of(bytes);
      } catch (IOException | IllegalStateException e) {
        // CLASS_OUTPUT hands out a file object even for a file that does not exist.
      }
    }
    return Optional.empty();
  }

  /** By extension; otherwise JSON if it starts with '{'. */
  private static boolean isYaml(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return true;
    }
    if (lower.endsWith(".json")) {
      return false;
    }
    String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8)
        .replace("\uFEFF", "").strip();
    return !start.startsWith("{");
  }

  private static Object parseYaml(byte[] content) throws OpenApiDocument.Unusable {
    LoadSettings settings = LoadSettings.builder()
        .setCodePointLimit(MAX_BYTES)
        // The reader visits a bounded part of the tree, so aliases cannot multiply its work;
        // documents may alias one security requirement in every operation.
        .setMaxAliasesForCollections(Integer.MAX_VALUE)
        .setAllowDuplicateKeys(false)
        .build();
    String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try {
      return new Load(settings).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark()
          .map(mark -> "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ")
          .orElse("");
      throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED,
          "it is not valid YAML (" + where + e.getProblem() + ")");
    } catch (YamlEngineException e) {
      throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED,
          "it is not valid YAML (" + e.getMessage().strip() + ")");
    }
  }

  private static Object parseJson(byte[] content) throws OpenApiDocument.Unusable {
    try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), content)) {
      Object tree = jsonValue(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED,
            "it is not valid JSON (line " + parser.currentLocation().getLineNr()
                + ": content after the end of the document)");
      }
      return tree;
    } catch (StreamConstraintsException e) {
      throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED, "it is nested too deeply");
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? ""
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
              + ": ";
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED,
          "it is not valid JSON (" + where + problem + ")");
    }
  }

  /** The value starting at {@code token}: maps, lists, strings, numbers, booleans, null. */
  private static Object jsonValue(JsonParser parser, JsonToken token)
      throws OpenApiDocument.Unusable {
    if (token == null) {
      throw new OpenApiDocument.Unusable(Message.OPENAPI_MALFORMED, "it is empty");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          object.put(name, jsonValue(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          list.add(jsonValue(parser, next));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }
}
