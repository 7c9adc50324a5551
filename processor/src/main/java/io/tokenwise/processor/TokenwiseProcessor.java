package io.tokenwise.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Validates every {@code @io.tokenwise.TokenEndpoint} interface and generates its client, {@code
 * <Interface>Client}. Problems are compile errors on the exact annotation value, each with an id
 * such as {@code [Tokenwise/UnknownScope]}, the fix and, where one is near, a "did you mean".
 *
 * <p>{@code @TokenEndpoint(openApi = "...")} names an OpenAPI document, found through the Filer
 * and read once per compilation ({@code OpenApiDocuments}), to check scopes and paths against.
 *
 * <p>Option {@code -Atokenwise.unknownScopes=warn} turns unknown Paxos scopes into warnings, for
 * scopes newer than Tokenwise's table; {@code -Atokenwise.inject=jakarta} makes each client also a
 * {@code jakarta.inject.Provider} with an {@code @Inject} constructor (never from the class path
 * alone). Wire the processor with Maven's {@code
 * annotationProcessorPaths} or Gradle's {@code annotationProcessor}; it is isolating for Gradle's
 * incremental builds.
 */
@AutoService(Processor.class)
public final class TokenwiseProcessor extends AbstractProcessor {
  static final String UNKNOWN_SCOPES_OPTION = "tokenwise.unknownScopes";
  /** {@code -Atokenwise.inject=jakarta}: clients that are also jakarta.inject Providers. */
  static final String INJECT_OPTION = "tokenwise.inject";
  private static final String TOKEN_ENDPOINT = ClientNames.TOKEN_ENDPOINT.canonicalName();

  private final Consumer<TypeElement> beforeEachInterface;
  private final ClientWriter writer = new ClientWriter();
  private final ClientIndexWriter indexWriter = new ClientIndexWriter();
  /** Interfaces that mention types not generated yet, by name: elements do not outlive a round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> generatedClients = new HashSet<>();
  /** Read once per compilation, however many interfaces name the same document. */
  private OpenApiDocuments openApiDocuments;
  private Diagnostic.Kind unknownScopeKind = Diagnostic.Kind.ERROR;
  /** Only when {@link #INJECT_OPTION} asks: the class path never picks the generated code. */
  private boolean injectable;
  private boolean markGenerated;
  /** Null outside javac: findings on an extends clause then go on the interface. */
  private ExtendsClause extendsClause;

  /** The processor, as javac's service loader creates it. */
  public TokenwiseProcessor() {
    this(type -> {});
  }

  /** For tests: {@code beforeEachInterface} runs first, inside the per-interface guard. */
  TokenwiseProcessor(Consumer<TypeElement> beforeEachInterface) {
    this.beforeEachInterface = beforeEachInterface;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    openApiDocuments = new OpenApiDocuments(processingEnv.getFiler());
    injectable = injectAskedFor();
    markGenerated = processingEnv.getElementUtils()
        .getTypeElement(ClientNames.GENERATED.canonicalName()) != null;
    try {
      extendsClause = ExtendsClause.of(processingEnv);
    } catch (LinkageError e) {
      extendsClause = null; // a JDK without jdk.compiler: its tree API cannot even load
    }
    String option = processingEnv.getOptions().get(UNKNOWN_SCOPES_OPTION);
    if ("warn".equals(option)) {
      unknownScopeKind = Diagnostic.Kind.WARNING;
    } else if (option != null && !option.equals("error")) {
      // An option belongs to no element: there is nothing in the source to point at.
      processingEnv.getMessager().printMessage(Message.INVALID_OPTION.kind(),
          Message.INVALID_OPTION.format(option));
    }
  }

  /**
   * Whether {@code -Atokenwise.inject=jakarta} asks for injectable clients; then jakarta.inject
   * must be there (looked up once: a miss searches every module, slow for many interfaces).
   */
  private boolean injectAskedFor() {
    String inject = processingEnv.getOptions().get(INJECT_OPTION);
    if (inject == null || inject.equals("none")) {
      return false;
    }
    if (!inject.equals("jakarta")) {
      processingEnv.getMessager().printMessage(Message.INVALID_INJECT_OPTION.kind(),
          Message.INVALID_INJECT_OPTION.format(inject));
      return false;
    }
    if (processingEnv.getElementUtils()
        .getTypeElement(ClientNames.INJECT_PROVIDER.canonicalName()) == null) {
      processingEnv.getMessager().printMessage(Message.INJECT_MISSING.kind(),
          Message.INJECT_MISSING.format());
      return false;
    }
    return true;
  }

  /**
   * Its own annotations, Retrofit's (which it reads) and the {@code @Generated} marker it writes.
   * Claiming them (see {@link #process}) keeps javac's {@code -Xlint:processing} from warning that
   * no processor handled {@code @GET}, which would fail {@code -Xlint:all -Werror} builds that
   * had no processor before Tokenwise. No processor acts on these: Retrofit reads its annotations
   * at run time, and {@code @Generated} is a source-only marker.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TOKEN_ENDPOINT, ClientNames.REQUIRES_SCOPES.canonicalName(),
        HttpCall.RETROFIT_HTTP + "*", ClientNames.GENERATED.canonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(UNKNOWN_SCOPES_OPTION, INJECT_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<String> names = new LinkedHashSet<>(deferred);
    deferred.clear();
    List<TypeElement> interfaces = new ArrayList<>();
    for (String name : names) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        interfaces.add(type);
      }
    }
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(TOKEN_ENDPOINT);
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type && names.add(type.getQualifiedName().toString())) {
          interfaces.add(type);
        }
      }
    }
    for (TypeElement type : interfaces) {
      processGuarded(type, round.processingOver());
    }
    return true; // see getSupportedAnnotationTypes

  }

  /** Whatever goes wrong with one interface is a diagnostic on it, never a compiler crash. */
  private void processGuarded(TypeElement type, boolean lastRound) {
    try {
      beforeEachInterface.accept(type);
      process(type, lastRound);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Message.INTERNAL_ERROR.kind(),
          Message.INTERNAL_ERROR.format(type.getQualifiedName(), trace), type);
    }
  }

  private void process(TypeElement type, boolean lastRound) {
    Optional<AnnotationMirror> annotation = Annotations.find(type, TOKEN_ENDPOINT);
    if (annotation.isEmpty()) {
      return;
    }
    Optional<TypeMirror> missing = MissingTypes.in(type);
    if (missing.isPresent()) {
      if (lastRound) {
        processingEnv.getMessager().printMessage(Message.UNRESOLVED_TYPE.kind(),
            Message.UNRESOLVED_TYPE.format(type.getSimpleName(), missing.get()), type);
      } else {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    Report report = new Report(unknownScopeKind);
    Optional<ClientModel> model = new InterfaceValidator(processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), report, injectable, markGenerated, generatedClients,
        openApiDocuments)
        .validate(type, annotation.get());
    report.printTo(processingEnv.getMessager(), extendsClause);
    if (model.isEmpty()) {
      return;
    }
    JavaFile file = writer.write(model.get());
    String clientName = model.get().clientName().canonicalName();
    try {
      writeSource(file, clientName);
      generatedClients.add(clientName);
      indexWriter.write(model.get(), processingEnv.getElementUtils(), processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Message.WRITE_FAILED.kind(),
          Message.WRITE_FAILED.format(clientName, e.getMessage()), type);
    }
  }

  /**
   * What {@link JavaFile#writeTo(javax.annotation.processing.Filer)} writes, byte for byte, but
   * rendered first and handed to the Filer's writer in one piece rather than token by token.
   */
  private void writeSource(JavaFile file, String name) throws IOException {
    String text = file.toString();
    JavaFileObject source = processingEnv.getFiler().createSourceFile(name,
        file.typeSpec().originatingElements().toArray(new Element[0]));
    try (Writer out = source.openWriter()) {
      out.write(text);
    } catch (IOException | RuntimeException e) {
      source.delete(); // as JavaFile does: no half-written client for the next round to compile
      throw e;
    }
  }
}
