package io.tokenwise.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with two generated clients as beans. Run with the emulator profile
 * (the default here) it needs no credentials: see docs/SPRING-BOOT.md.
 */
@SpringBootApplication
public class PaymentsApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(PaymentsApplication.class, args);
  }
}
