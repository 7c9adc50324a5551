package io.tokenwise.spring;

import java.util.List;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers one bean per generated client of the {@link ClientIndex}, of the client's interface,
 * named after its configuration name in camel case ({@code paxosTransfers}), unless the
 * application defines a bean of that interface itself. The beans are lazy: a client that nothing
 * injects needs no credentials; one that is injected is built, and checked, at start-up.
 */
final class ClientRegistrar
    implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware, BeanFactoryAware {
  private ClassLoader classLoader = ClientRegistrar.class.getClassLoader();
  private BeanFactory beanFactory;

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
    for (ClientIndex.Entry entry : index) {
      Class<?> api = ClassUtils.resolveClassName(entry.interfaceName(), classLoader);
      if (registry.containsBeanDefinition(entry.beanName()) || userDefines(api)) {
        continue;
      }
      RootBeanDefinition definition = new RootBeanDefinition(api);
      definition.setInstanceSupplier(() -> beanFactory.getBean(TokenwiseClientFactory.class)
          .create(entry));
      definition.setLazyInit(true);
      definition.setDescription("Tokenwise client " + entry.clientName());
      registry.registerBeanDefinition(entry.beanName(), definition);
    }
  }

  /** A bean of the interface the application declares itself wins (its own wiring). */
  private boolean userDefines(Class<?> api) {
    return beanFactory instanceof ListableBeanFactory listable
        && listable.getBeanNamesForType(api, true, false).length > 0;
  }
}
