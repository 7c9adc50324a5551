package io.tokenwise.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and validates one {@code @TokenEndpoint} interface into a {@link ClientModel}, collecting
 * every finding in the {@link Report}. The model is only worth writing when the report has no
 * errors.
 */
final class InterfaceValidator {
  private final Elements elements;
  private final Types types;
  private final Report report;
  private final boolean injectable;
  private final boolean markGenerated;
  private final Set<String> clientsOfOtherInterfaces;
  private final OpenApiDocuments openApiDocuments;

  /**
   * @param clientsOfOtherInterfaces clients already generated in this compilation, which another
   *     interface mapping to the same name would clash with
   * @param openApiDocuments the documents that {@code openApi} attributes name, read once
   */
  InterfaceValidator(Elements elements, Types types, Report report, boolean injectable,
      boolean markGenerated, Set<String> clientsOfOtherInterfaces,
      OpenApiDocuments openApiDocuments) {
    this.elements = elements;
    this.types = types;
    this.report = report;
    this.injectable = injectable;
    this.markGenerated = markGenerated;
    this.clientsOfOtherInterfaces = clientsOfOtherInterfaces;
    this.openApiDocuments = openApiDocuments;
  }

  /** The model of {@code type}'s client, or empty when the report has an error. */
  Optional<ClientModel> validate(TypeElement type, AnnotationMirror annotation) {
    if (type.getKind() != ElementKind.INTERFACE) {
      String kind = type.getKind() == ElementKind.ANNOTATION_TYPE ? "annotation type"
          : type.getKind().name().toLowerCase(Locale.ROOT);
      report.add(Message.NOT_AN_INTERFACE, type, annotation, null, kind, type.getSimpleName(),
          type.getSimpleName());
      return Optional.empty();
    }
    ClassName clientName = ClientNames.client(type, elements);
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Message.GENERIC_INTERFACE, type, annotation, null, type.getSimpleName(),
          type.getTypeParameters().stream().map(Object::toString)
              .collect(Collectors.joining(", ", "<", ">")));
    }
    checkSuperinterfaces(type);
    boolean isPublic = checkAccess(type, annotation, clientName);
    Optional<EndpointDeclaration> read = EndpointDeclaration.read(type, annotation);
    if (read.isEmpty()) {
      return Optional.empty(); // an unresolvable attribute: javac reports it
    }
    EndpointDeclaration endpoint = read.get();
    new EndpointRules(report).check(endpoint);
    Optional<OpenApiCoverage> openApi = OpenApiCoverage.of(endpoint, openApiDocuments, report);
    checkMethods(type, endpoint, openApi);
    checkClash(type, annotation, clientName);
    if (report.hasErrors()) {
      return Optional.empty(); // the one gate: a client is written only for a clean report
    }
    return Optional.of(new ClientModel(type, ClassName.get(type), clientName,
        endpoint.provider(), endpoint.spec().displayName(), endpoint.env(),
        endpoint.effectiveAuthStyle(), emptyToNull(endpoint.tokenUrl()),
        emptyToNull(endpoint.baseUrl()), endpoint.scopeNames(), isPublic, injectable,
        markGenerated));
  }

  private static String emptyToNull(String attribute) {
    return attribute.isEmpty() ? null : attribute;
  }

  /**
   * Retrofit's {@code validateServiceInterface}: no interface in the hierarchy may declare type
   * parameters. Reported on the entry of the extends clause that leads to the generic one.
   */
  private void checkSuperinterfaces(TypeElement type) {
    List<? extends TypeMirror> direct = type.getInterfaces();
    for (int i = 0; i < direct.size(); i++) {
      Optional<TypeElement> generic = genericInterfaceIn(direct.get(i));
      if (generic.isPresent()) {
        report.addOnSuperinterface(Message.GENERIC_SUPERINTERFACE, type, i, type.getSimpleName(),
            direct.get(i), generic.get().getSimpleName(), generic.get().getTypeParameters()
                .stream().map(Object::toString).collect(Collectors.joining(", ", "<", ">")),
            type.getSimpleName());
      }
    }
  }

  /** {@code supertype}'s interface, or the first of its own supertypes, that is generic. */
  private Optional<TypeElement> genericInterfaceIn(TypeMirror supertype) {
    Deque<TypeMirror> check = new ArrayDeque<>(List.of(supertype));
    while (!check.isEmpty()) {
      if (types.asElement(check.removeFirst()) instanceof TypeElement candidate) {
        if (!candidate.getTypeParameters().isEmpty()) {
          return Optional.of(candidate);
        }
        check.addAll(candidate.getInterfaces());
      }
    }
    return Optional.empty();
  }

  /** Returns whether the interface is reachable from everywhere (so its client is public). */
  private boolean checkAccess(TypeElement type, AnnotationMirror annotation, ClassName client) {
    boolean isPublic = true;
    for (Element e = type; e instanceof TypeElement enclosing; e = e.getEnclosingElement()) {
      String problem = null;
      if (enclosing.getNestingKind() == NestingKind.LOCAL
          || enclosing.getNestingKind() == NestingKind.ANONYMOUS) {
        problem = (e == type ? "it" : enclosing.getQualifiedName()) + " is declared inside a method";
      } else if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        problem = e == type ? "it is private"
            : "its enclosing type " + enclosing.getSimpleName() + " is private";
      }
      if (problem != null) {
        report.add(Message.INACCESSIBLE_INTERFACE, type, annotation, null, type.getSimpleName(),
            client.simpleName(), problem);
        return false;
      }
      isPublic &= enclosing.getModifiers().contains(Modifier.PUBLIC);
    }
    return isPublic;
  }

  private List<HttpCall> checkMethods(TypeElement type, EndpointDeclaration endpoint,
      Optional<OpenApiCoverage> openApi) {
    MethodRules rules = new MethodRules(endpoint, report, types, elements);
    // Scopes are checked only where the token request carries them.
    boolean requiresScopes = endpoint.requiresScopes();
    Optional<TableCoverage> coverage = endpoint.takesScopes()
        ? endpoint.builtInTable().map(table -> new TableCoverage(table, endpoint, report))
        : Optional.empty();
    List<HttpCall> calls = new ArrayList<>();
    DeclaredType self = (DeclaredType) type.asType();
    // Inherited methods are service methods too; static, default and private ones are not.
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)
          || method.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
        continue;
      }
      ExecutableType signature = (ExecutableType) types.asMemberOf(self, method);
      Optional<HttpCall> call = rules.check(method, signature);
      // A call sent without the token needs no scope.
      if (call.isEmpty() || MethodRules.isWithoutAccessToken(method)) {
        continue;
      }
      calls.add(call.get());
      boolean ownScopes =
          Annotations.find(method, ClientNames.REQUIRES_SCOPES.canonicalName()).isPresent();
      coverage.ifPresent(table -> table.check(call.get(), ownScopes));
      openApi.ifPresent(document -> document.check(call.get(), ownScopes));
    }
    if (requiresScopes && endpoint.scopes().isEmpty()) {
      Set<String> needed = openApi.map(document -> document.scopesNeededBy(calls))
          .orElseGet(() -> coverage.map(table -> table.scopesNeededBy(calls)).orElse(Set.of()));
      report.addGuessing(Message.NO_SCOPES,
          needed.isEmpty() ? null : "scopes = " + EndpointRules.quoteAll(needed),
          type, endpoint.annotation(), endpoint.scopesValue(), endpoint.spec().displayName(),
          type.getSimpleName());
    }
    return calls;
  }

  private void checkClash(TypeElement type, AnnotationMirror annotation, ClassName clientName) {
    String name = clientName.canonicalName();
    if (clientsOfOtherInterfaces.contains(name)) {
      report.add(Message.NAME_CLASH, type, annotation, null, name, type.getSimpleName(),
          "the client of another @TokenEndpoint interface in this compilation");
      return;
    }
    TypeElement existing = existingType(elements.getModuleOf(type), name);
    if (existing != null && !isEarlierClient(existing)) {
      report.add(Message.NAME_CLASH, type, annotation, null, name, type.getSimpleName(),
          "a " + existing.getKind().name().toLowerCase(Locale.ROOT) + " not generated by Tokenwise");
    }
  }

  /**
   * The type named {@code name} in {@code module}, the interface's: the client is generated
   * there. Asked first of every module, as the Filer asks before it creates the client (javac
   * keeps that answer for the round, so the Filer's question then costs nothing), rather than
   * paying a second miss per interface. Only a hit in another module, or a miss in a named module
   * (where two others may hold the name), is asked again of {@code module} alone; in the unnamed
   * module a miss everywhere is a miss there.
   */
  private TypeElement existingType(ModuleElement module, String name) {
    if (module == null) { // an Elements without modules: ask as ever
      return elements.getTypeElement(module, name);
    }
    TypeElement anywhere = elements.getTypeElement(name);
    if (anywhere == null ? module.isUnnamed() : module.equals(elements.getModuleOf(anywhere))) {
      return anywhere;
    }
    return elements.getTypeElement(module, name);
  }

  /**
   * A client this processor wrote in an earlier build, still on the class or source path of an
   * incremental build: it will be replaced, so it is not a clash. Today's clients extend {@code
   * GeneratedClient}; those of Tokenwise before it nested a {@code Builder extends ClientBuilder}.
   */
  private static boolean isEarlierClient(TypeElement existing) {
    if (isNamed(existing.getSuperclass(), ClientNames.GENERATED_CLIENT)
        || isNamed(existing.getSuperclass(), ClientNames.INJECTABLE_CLIENT)) {
      return true;
    }
    for (TypeElement nested : ElementFilter.typesIn(existing.getEnclosedElements())) {
      if (nested.getSimpleName().contentEquals(ClientNames.BUILDER)
          && isNamed(nested.getSuperclass(), ClientNames.CLIENT_BUILDER)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNamed(TypeMirror type, ClassName name) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName()
            .contentEquals(name.canonicalName());
  }
}
