package io.tokenwise.spring;

import java.util.List;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers one bean per generated client of the {@link ClientIndex}, of the client's interface,
 * named after its configuration name in camel case ({@code paxosTransfers}), unless the
 * application defines a bean of that interface itself. The beans are lazy: a client that nothing
 * injects needs no credentials; one that is injected is built, and checked, at start-up.
 */
final class ClientRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware,
    BeanFactoryAware, EnvironmentAware {
  /** The bean the client beans are made by (TokenwiseAutoConfiguration's). */
  static final String FACTORY = "tokenwiseClientFactory";

  private ClassLoader classLoader = ClientRegistrar.class.getClassLoader();
  private BeanFactory beanFactory;
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata,
      BeanDefinitionRegistry registry) {
    List<ClientIndex.Entry> index = ClientIndex.load(classLoader);
    if (!registry.containsBeanDefinition(IndexedClients.BEAN)) {
      // IndexedClients.of("<interface> <client> <provider> <name>", ...): constants for AOT.
      RootBeanDefinition indexed = new RootBeanDefinition(IndexedClients.class);
      indexed.setFactoryMethodName("of");
      indexed.getConstructorArgumentValues()
          .addIndexedArgumentValue(0, IndexedClients.lines(index));
      indexed.setDescription("The Tokenwise client index");
      registry.registerBeanDefinition(IndexedClients.BEAN, indexed);
    }
    for (ClientIndex.Entry entry : index) {
      Class<?> api = ClassUtils.resolveClassName(entry.interfaceName(), classLoader);
      if (registry.containsBeanDefinition(entry.beanName()) || userDefines(api)) {
        continue;
      }
      // tokenwiseClientFactory.client("<interface>"): a factory method and a constant argument,
      // which Spring AOT writes as code; an instance supplier (a lambda) it cannot.
      RootBeanDefinition definition = new RootBeanDefinition();
      definition.setTargetType(api);
      definition.setFactoryBeanName(FACTORY);
      definition.setFactoryMethodName("client");
      definition.getConstructorArgumentValues()
          .addIndexedArgumentValue(0, entry.interfaceName());
      definition.setLazyInit(true);
      definition.setDescription("Tokenwise client " + entry.clientName());
      registry.registerBeanDefinition(entry.beanName(), definition);
    }
    registerBoot3Health(registry);
  }

  /**
   * On Spring Boot 3.5 (its health API, not Boot 4's), the {@code tokenwise} health through
   * {@link Boot3Health}: registered here, with its type named, because the starter is compiled
   * against Boot 4 and cannot declare a {@code @Bean} of a Boot 3 type. Off with {@code
   * management.health.tokenwise.enabled=false}, as Boot's own indicators.
   */
  private void registerBoot3Health(BeanDefinitionRegistry registry) {
    if (!ClassUtils.isPresent(Boot3Health.COMPOSITE, classLoader)
        || ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator",
            classLoader)
        || !environment.getProperty("management.health.tokenwise.enabled", Boolean.class,
            environment.getProperty("management.health.defaults.enabled", Boolean.class, true))
        || registry.containsBeanDefinition("tokenwiseHealthContributor")) {
      return;
    }
    // Boot3Health.contributor(...), its arguments autowired as a @Bean method's: code for AOT.
    RootBeanDefinition definition = new RootBeanDefinition(Boot3Health.class);
    definition.setFactoryMethodName("contributor");
    definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
    definition.setTargetType(ClassUtils.resolveClassName(Boot3Health.COMPOSITE, classLoader));
    definition.setDescription("Tokenwise health per provider (Spring Boot 3)");
    registry.registerBeanDefinition("tokenwiseHealthContributor", definition);
  }

  /** A bean of the interface the application declares itself wins (its own wiring). */
  private boolean userDefines(Class<?> api) {
    return beanFactory instanceof ListableBeanFactory listable
        && listable.getBeanNamesForType(api, true, false).length > 0;
  }
}
