package io.tokenwise.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Test your code" example is {@link TransfersServiceTest}, line for line. */
final class ReadmeExampleTest {
  @Test
  void readmeShowsTransfersServiceTestAsCompiled() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/io/tokenwise/examples/TransfersServiceTest.java"));
    String readme = Files.readString(Path.of("../README.md"));
    String example = source.substring(source.indexOf("@ExtendWith("));
    String section = readme.substring(readme.indexOf("## Test your code"));
    String block = section.substring(section.indexOf("```java\n") + "```java\n".length());

    assertEquals(example, block.substring(0, block.indexOf("```\n")));
  }
}
