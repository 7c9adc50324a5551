package io.tokenwise.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The per-compilation cache and the order of the locations, seen through the Filer's calls. */
class OpenApiDocumentsTest {
  private static final String DOCUMENT = String.join("\n",
      "openapi: 3.0.3",
      "components:",
      "  securitySchemes:",
      "    cc: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a.example/t',",
      "      scopes: {'things:read': ''}}}}",
      "paths:",
      "  /things: {get: {security: [{cc: ['things:read']}]}}");

  @Test
  void documentIsReadOnceHoweverManyInterfacesNameIt() {
    RecordingFiler filer = new RecordingFiler(Map.of(StandardLocation.CLASS_PATH, DOCUMENT));
    OpenApiDocuments documents = new OpenApiDocuments(filer);

    OpenApiDocuments.Loaded first = documents.load("things.yaml");
    OpenApiDocuments.Loaded second = documents.load("things.yaml");

    assertThat(first.problem()).isNull();
    assertThat(second.document()).isSameInstanceAs(first.document());
    assertThat(filer.opened).containsExactly("CLASS_PATH things.yaml");
  }

  @Test
  void missingDocumentIsLookedUpOnceInEachLocationInOrder() {
    RecordingFiler filer = new RecordingFiler(Map.of());
    OpenApiDocuments documents = new OpenApiDocuments(filer);

    documents.load("things.yaml");
    OpenApiDocuments.Loaded loaded = documents.load("things.yaml");

    assertThat(loaded.problem()).isEqualTo(Message.OPENAPI_NOT_FOUND);
    assertThat(filer.asked).containsExactly("SOURCE_PATH things.yaml",
        "CLASS_OUTPUT things.yaml", "CLASS_PATH things.yaml").inOrder();
  }

  @Test
  void sourcePathWinsOverTheClassOutputAndTheClassPath() {
    RecordingFiler filer = new RecordingFiler(Map.of(
        StandardLocation.SOURCE_PATH, DOCUMENT,
        StandardLocation.CLASS_OUTPUT, "not: [valid",
        StandardLocation.CLASS_PATH, "not: [valid"));

    assertThat(new OpenApiDocuments(filer).load("things.yaml").problem()).isNull();
    assertThat(filer.opened).containsExactly("SOURCE_PATH things.yaml");
  }

  /** A Filer holding one document per location; records what the loader asks for and opens. */
  private static final class RecordingFiler implements Filer {
    final List<String> asked = new ArrayList<>();
    final List<String> opened = new ArrayList<>();
    private final Map<StandardLocation, String> contents;

    RecordingFiler(Map<StandardLocation, String> contents) {
      this.contents = contents;
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName) throws FileNotFoundException {
      String key = location.getName() + " " + relativeName;
      asked.add(key);
      String content = contents.get(location);
      if (content == null) {
        throw new FileNotFoundException(key);
      }
      return new SimpleJavaFileObject(URI.create("mem:///" + relativeName),
          JavaFileObject.Kind.OTHER) {
        @Override
        public InputStream openInputStream() {
          opened.add(key);
          return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
      };
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName, Element... originatingElements) {
      throw new UnsupportedOperationException();
    }
  }
}
