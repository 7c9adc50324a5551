package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.ClientCredentials;
import io.tokenwise.consumer.LoopbackProvider;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One real call through the generated client on this module's class path, or, where the module's
 * dependency tree is broken (surefire property {@code expect}), the error build() gives instead
 * of a NoSuchMethodError in the first token request.
 */
final class OneCallTest {
  private static final String EXPECT = System.getProperty("expect");
  private static final String BOM = "Fix: import io.tokenwise:tokenwise-bom:"
      + System.getProperty("tokenwise.version");
  private static final String OKHTTP = System.getProperty("okhttp.version");
  private static final String OKIO = System.getProperty("okio.version");

  @Test
  void oneRealCallOrTheConflictNamed() throws IOException {
    List<String> okhttps = copies("okhttp3/OkHttpClient.class");
    System.out.println("expect " + EXPECT + "; OkHttp in " + okhttps + "; Okio in "
        + copies("okio/Okio.class") + "; Kotlin in " + copies("kotlin/KotlinVersion.class"));
    try (LoopbackProvider provider = LoopbackProvider.start()) {
      PaymentsClient.Builder builder = PaymentsClient.builder()
          .credentials(ClientCredentials.of("client-7", "secret-7"))
          .tokenUrl(provider.url("token"))
          .baseUrl(provider.url("api/"));
      switch (EXPECT) {
        case "works": {
          Payment payment = builder.build().payment("p-42").execute().body();
          assertEquals("p-42", payment.id);
          assertEquals("12.50", payment.amount);
          assertEquals(List.of("grant_type=client_credentials&client_id=client-7"
              + "&client_secret=secret-7"), provider.tokenForms());
          assertEquals(List.of("Bearer tok-1"), provider.apiAuthorizations());
          assertEquals(1, okhttps.size(), "exactly one OkHttp: " + okhttps);
          break;
        }
        case "old-okio": {
          String message = assertThrows(IllegalStateException.class, builder::build).getMessage();
          assertContains(message, "com.squareup.okio:okio-jvm 3.7.0 is on the class path"
              + " (okio-jvm-3.7.0.jar), but Tokenwise", "OkHttp " + OKHTTP + " need " + OKIO
              + " or newer", BOM);
          assertEquals(0, provider.tokenRequests());
          break;
        }
        case "two-okhttps": {
          String message = assertThrows(IllegalStateException.class, builder::build).getMessage();
          assertContains(message, "2 copies of OkHttp are on the class path", "okhttp-4.12.0.jar",
              "okhttp-jvm-" + OKHTTP + ".jar", "direct com.squareup.retrofit2:retrofit dependency",
              BOM);
          assertEquals(0, provider.tokenRequests());
          break;
        }
        default:
          throw new AssertionError("unknown expectation " + EXPECT);
      }
    }
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "<" + part + "> not in: " + message);
    }
  }

  /** The jars holding {@code resource}, by file name. */
  private static List<String> copies(String resource) throws IOException {
    List<String> jars = new ArrayList<>();
    for (URL url : Collections.list(OneCallTest.class.getClassLoader().getResources(resource))) {
      String s = url.toString();
      String jar = s.contains("!/") ? s.substring(0, s.indexOf("!/")) : s;
      jars.add(jar.substring(jar.lastIndexOf('/') + 1));
    }
    return jars;
  }
}
