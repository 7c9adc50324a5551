package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

/** What {@link Tokenwise#create} says when no generated client exists. */
final class TokenwiseCreateTest {
  private static final ClientCredentials CREDENTIALS = ClientCredentials.of("client-1", "secret-1");
  private static final String OTHER_CAUSES = " the Tokenwise processor is not on the annotation"
      + " processor path (Maven: add io.tokenwise:tokenwise-processor to maven-compiler-plugin's"
      + " annotationProcessorPaths; Gradle: annotationProcessor); JDK 23+ no longer runs"
      + " processors found only on the class path (use annotationProcessorPaths, or"
      + " <proc>full</proc> / -proc:full); or the compilation that should have generated it"
      + " reported an error";

  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface MemberApi {
    @GET("payments")
    Call<Void> payments();
  }

  @Test
  void aLocalInterfaceIsNamedAsTheCause() {
    @TokenEndpoint(provider = Provider.PAYSWAY)
    interface LocalApi {
      @GET("payments")
      Call<Void> payments();
    }

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Tokenwise.create(LocalApi.class, CREDENTIALS));

    assertEquals("No generated client io.tokenwise.TokenwiseCreateTest_1LocalApiClient for"
        + " io.tokenwise.TokenwiseCreateTest$1LocalApi. It is a local or anonymous interface"
        + " (declared inside a method), and javac never hands those to annotation processors:"
        + " declare it at top level or as a member of a class. Other causes:" + OTHER_CAUSES,
        e.getMessage());
  }

  @Test
  void aMemberInterfaceNamesTheProcessorPathAndJdk23() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Tokenwise.create(MemberApi.class, CREDENTIALS));

    assertEquals("No generated client io.tokenwise.TokenwiseCreateTest_MemberApiClient for"
        + " io.tokenwise.TokenwiseCreateTest$MemberApi. Likely causes:" + OTHER_CAUSES,
        e.getMessage());
  }
}
