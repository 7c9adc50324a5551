package io.tokenwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** Which Spring Boot these tests run on: 4.0 here, 3.5 when spring-boot3-test reruns them. */
class SpringBootVersionTest {
  @Test
  void theTestsRunOnTheExpectedSpringBoot() {
    String expected = System.getProperty("tokenwise.expectedSpringBoot", "4.0.7");
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
  }
}
