package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwise.Provider;
import io.tokenwise.examples.MangopayUsers;
import io.tokenwise.examples.PaxosTransfers;
import io.tokenwise.examples.PaxosTransfersClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.BeanInstanceSupplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ClassUtils;
import retrofit2.Response;

/**
 * The starter under Spring AOT, as {@code spring-boot:process-aot} runs it for a native image:
 * the auto-configuration is processed ahead of time into Java code, which is compiled and started
 * as a fresh context that runs no configuration class and no {@link ClientRegistrar}; its client
 * beans call the emulator. The forked class loader lets the generated code reach the starter's
 * package-private types, as it does when compiled into the application.
 */
@CompileWithForkedClassLoader
class AotTest {
  @Test
  void theGeneratedInitializerMakesClientBeansThatCallTheProvider() throws IOException {
    findRandomGeneratorsOnTheSystemClassLoader();
    TestGenerationContext generation = new TestGenerationContext(AotTest.class);
    ClassName initializer;
    try (GenericApplicationContext build = new AnnotationConfigApplicationContext()) {
      ((AnnotationConfigApplicationContext) build).register(TokenwiseAutoConfiguration.class);
      initializer = new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
    }
    generation.writeGeneratedContent();
    // The client beans as code: the factory method and its argument, not a lambda.
    assertThat(generatedSources(generation))
        .contains("getBean(\"tokenwiseClientFactory\", TokenwiseClientFactory.class)"
            + ".client(args.get(0))")
        .contains("addIndexedArgumentValue(0, \"io.tokenwise.examples.PaxosTransfers\")")
        // The index as constants: the image lists no META-INF/tokenwise/clients folder.
        .contains("\"io.tokenwise.examples.PaxosTransfers io.tokenwise.examples.PaxosTransfersClient"
            + " PAXOS paxos-transfers\"")
        .doesNotContain("ClientRegistrar");

    TestCompiler.forSystem().with(generation).compile(compiled -> {
      @SuppressWarnings("unchecked")
      ApplicationContextInitializer<GenericApplicationContext> generated =
          compiled.getInstance(ApplicationContextInitializer.class, initializer.toString());
      try (GenericApplicationContext context = new GenericApplicationContext()) {
        context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("emulator", new LinkedHashMap<>(Emulator.properties())));
        generated.initialize(context);
        context.refresh();

        assertThat(((RootBeanDefinition) context.getBeanDefinition("paxosTransfers"))
            .getInstanceSupplier()).isInstanceOf(BeanInstanceSupplier.class);
        assertThat(context.getBeanDefinition("paxosTransfers").isLazyInit()).isTrue();
        assertThat(context.getBean(IndexedClients.class).entries())
            .extracting(ClientIndex.Entry::name).containsExactly("auth0-users", "mangopay-users",
                "papaya-workers", "paxos-transfers", "paysway-payments");
        assertThat(context.getBeansOfType(PaxosTransfers.class)).containsOnlyKeys("paxosTransfers");
        assertThat(context.getBeansOfType(MangopayUsers.class)).containsOnlyKeys("mangopayUsers");
        // Boot 4's @Bean, or on Boot 3 ClientRegistrar's definition: either way, from code.
        assertThat(ClassUtils.getAllInterfaces(context.getBean("tokenwiseHealthContributor")))
            .extracting(Class::getSimpleName).contains("CompositeHealthContributor");

        int tokens = Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS);
        Response<PaxosTransfers.TransferPage> page =
            context.getBean(PaxosTransfers.class).transfers(2).execute();
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body().items()).hasSize(2);
        assertThat(Emulator.EMULATOR.tokenRequestCount(Provider.PAXOS) - tokens).isEqualTo(1);
        Response<MangopayUsers.User> user =
            context.getBean(MangopayUsers.class).user("100001").execute();
        assertThat(user.body().email()).contains("@");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    // @ImportRuntimeHints on the auto-configuration: the hints reach the generation.
    RuntimeHints hints = generation.getRuntimeHints();
    assertThat(RuntimeHintsPredicates.resource().forResource("io/tokenwise/versions.properties"))
        .accepts(hints);
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(PaxosTransfers.class))
        .accepts(hints);
    assertThat(RuntimeHintsPredicates.reflection().onMethod(PaxosTransfersClient.class, "builder")
        .invoke()).accepts(hints);
  }

  /**
   * JDK 17 looks up RandomGenerator's algorithms (TokenCache's jitter) once per JVM, through the
   * context class loader: through the forked one, it finds none, for this test and every later
   * one in the JVM. Looked up here first through the system class loader, as an application does.
   */
  private static void findRandomGeneratorsOnTheSystemClassLoader() {
    Thread thread = Thread.currentThread();
    ClassLoader forked = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
    try {
      RandomGenerator.getDefault();
    } finally {
      thread.setContextClassLoader(forked);
    }
  }

  private static String generatedSources(TestGenerationContext generation) throws IOException {
    StringBuilder all = new StringBuilder();
    InMemoryGeneratedFiles files = generation.getGeneratedFiles();
    for (String path : files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).keySet()) {
      all.append(files.getGeneratedFileContent(GeneratedFiles.Kind.SOURCE, path));
    }
    return all.toString();
  }
}
