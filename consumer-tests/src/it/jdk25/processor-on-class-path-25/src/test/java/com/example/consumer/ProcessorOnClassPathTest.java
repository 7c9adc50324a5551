package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.ClientCredentials;
import io.tokenwise.Tokenwise;
import org.junit.jupiter.api.Test;

/** javac 25 left the processor on the class path alone: Tokenwise.create must say so. */
final class ProcessorOnClassPathTest {
  @Test
  void tokenwiseCreateNamesTheMissingClientAndTheProcessorPath() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("com.example.consumer.PaymentsClient"));

    String message = assertThrows(IllegalStateException.class,
        () -> Tokenwise.create(Payments.class, ClientCredentials.of("client-7", "secret-7")))
        .getMessage();

    System.out.println("Tokenwise.create said: " + message);
    for (String part : new String[] {"com.example.consumer.PaymentsClient",
        "annotationProcessorPaths"}) {
      assertTrue(message.contains(part), "<" + part + "> not in: " + message);
    }
  }
}
