package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenwise.ClassPathCheck.Found;
import io.tokenwise.ClassPathCheck.Library;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import okhttp3.OkHttpClient;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path Tokenwise runs on: the build's own passes, and the trees users end up with
 * (Moshi's Okio winning, Retrofit's OkHttp 4 beside OkHttp 5, a repackaged jar) are named with the
 * artifact, the version found, the version needed and the fix. consumer-tests builds those trees
 * for real; here each is a class loader over real and hand-made jars.
 */
final class ClassPathCheckTest {
  private static final String BOM_FIX = "Fix: import io.tokenwise:tokenwise-bom:"
      + ClassPathCheck.NEEDED.getProperty("tokenwise");
  private static final String OKHTTP = ClassPathCheck.NEEDED.getProperty("okhttp");
  private static final String OKIO = ClassPathCheck.NEEDED.getProperty("okio");
  private static final String KOTLIN = ClassPathCheck.NEEDED.getProperty("kotlin-stdlib");

  @TempDir Path dir;
  private final VirtualTime time = new VirtualTime();

  @AfterEach
  void stop() {
    time.close();
  }

  @Test
  void theBuildsOwnClassPathHasOneCopyOfEachAtTheVersionsItPins() {
    List<Found> found = ClassPathCheck.scan(ClassPathCheckTest.class.getClassLoader());

    assertEquals(List.of(
        new Found(Library.OKHTTP, OKHTTP, List.of("okhttp-jvm-" + OKHTTP + ".jar")),
        new Found(Library.OKIO, OKIO, List.of("okio-jvm-" + OKIO + ".jar")),
        new Found(Library.KOTLIN_STDLIB, KOTLIN, List.of("kotlin-stdlib-" + KOTLIN + ".jar"))),
        found);
    assertEquals(Optional.empty(), ClassPathCheck.judge(found, ClassPathCheck.NEEDED));
    ClassPathCheck.verify(); // and build() passes it
  }

  @Test
  void okHttp4BesideOkHttp5IsNamedWithBothJarsAndTheBom() throws Exception {
    // What a direct com.squareup.retrofit2:retrofit dependency adds: okhttp 4.12's classes.
    Path okhttp4 = jar("okhttp-4.12.0.jar", null, "okhttp3/OkHttpClient.class");

    String message = problem(okhttp4, jarOf(OkHttpClient.class), jarOf(Okio.class),
        jarOf(KotlinVersionHolder.KOTLIN));

    assertContains(message, "Tokenwise cannot run on this class path: 2 copies of OkHttp are on"
        + " the class path (okhttp-4.12.0.jar, okhttp-jvm-" + OKHTTP + ".jar), and which one runs"
        + " depends on their order; Tokenwise needs exactly one, com.squareup.okhttp3:okhttp-jvm "
        + OKHTTP + " or newer.", "usually comes with a direct com.squareup.retrofit2:retrofit"
        + " dependency: tokenwise-bom manages it to " + OKHTTP + ", OkHttp 5's empty jar", BOM_FIX,
        "mvn dependency:tree -Dverbose");
  }

  @Test
  void moshisOlderOkioIsNamedWithTheVersionFoundAndTheVersionNeeded() throws Exception {
    Path okio37 = jar("okio-jvm-3.7.0.jar", Map.of("Bundle-SymbolicName", "com.squareup.okio",
        "Bundle-Version", "3.7.0"), "okio/Okio.class");

    String message = problem(jarOf(OkHttpClient.class), okio37, jarOf(KotlinVersionHolder.KOTLIN));

    assertContains(message, "com.squareup.okio:okio-jvm 3.7.0 is on the class path"
        + " (okio-jvm-3.7.0.jar), but Tokenwise " + ClassPathCheck.NEEDED.getProperty("tokenwise")
        + " and its OkHttp " + OKHTTP + " need " + OKIO + " or newer", BOM_FIX);
    assertFalse(message.contains("retrofit2:retrofit"), message); // no hint that does not apply
  }

  @Test
  void aRepackagedJarsOwnVersionIsNotTakenForOkios() throws Exception {
    // A shaded application jar: its manifest is the application's, version 1.0.
    Path fatJar = jar("app-all.jar", Map.of("Bundle-SymbolicName", "com.acme.app",
        "Bundle-Version", "1.0"), "okio/Okio.class");

    List<Found> found = ClassPathCheck.scan(loader(jarOf(OkHttpClient.class), fatJar,
        jarOf(KotlinVersionHolder.KOTLIN)));

    assertNull(found.get(1).version());
    assertEquals(Optional.empty(), ClassPathCheck.judge(found, ClassPathCheck.NEEDED));
  }

  @Test
  void aMissingLibraryIsNamed() throws Exception {
    String message = problem(jarOf(OkHttpClient.class), jarOf(Okio.class));

    assertContains(message, "org.jetbrains.kotlin:kotlin-stdlib is not on the class path;"
        + " Tokenwise needs " + KOTLIN + " or newer");
  }

  @Test
  void olderOkHttpAndKotlinAreJudgedNewerOnesPass() {
    String old = ClassPathCheck.judge(List.of(
        new Found(Library.OKHTTP, "5.0.0", List.of("okhttp-jvm-5.0.0.jar")),
        new Found(Library.OKIO, OKIO, List.of("okio-jvm.jar")),
        new Found(Library.KOTLIN_STDLIB, "1.9.25", List.of("kotlin-stdlib-1.9.25.jar"))),
        ClassPathCheck.NEEDED).orElseThrow();
    assertContains(old, "com.squareup.okhttp3:okhttp-jvm 5.0.0 is on the class path"
        + " (okhttp-jvm-5.0.0.jar), but Tokenwise " + ClassPathCheck.NEEDED.getProperty("tokenwise")
        + " needs " + OKHTTP + " or newer", "org.jetbrains.kotlin:kotlin-stdlib 1.9.25 is on the"
        + " class path (kotlin-stdlib-1.9.25.jar)", "need " + KOTLIN + " or newer");

    assertEquals(Optional.empty(), ClassPathCheck.judge(List.of(
        new Found(Library.OKHTTP, "5.10.0", List.of("okhttp-jvm.jar")),
        new Found(Library.OKIO, "3.18.1-SNAPSHOT", List.of("okio-jvm.jar")),
        new Found(Library.KOTLIN_STDLIB, "2.4.21", List.of("kotlin-stdlib.jar"))),
        ClassPathCheck.NEEDED));
  }

  @Test
  void versionsCompareByNumberNotByText() {
    assertTrue(ClassPathCheck.compare("3.18.1", "3.7.0") > 0); // "3.18.1" < "3.7.0" as text
    assertTrue(ClassPathCheck.compare("1.9.25", "2.1.21") < 0);
    assertEquals(0, ClassPathCheck.compare("2.1.21-release-317", "2.1.21"));
    assertEquals(0, ClassPathCheck.compare("5.5", "5.5.0"));
  }

  @Test
  void aLinkageErrorInATokenRequestIsReportedAsTheClassPathNotAsATokenwiseBug() {
    // What okio-jvm 3.7.0 under OkHttp 5.5.1 throws at the first connection.
    TokenFetcher linkageBroken = () -> {
      throw new NoSuchMethodError("'okio.Socket okio.Okio.socket(java.net.Socket)'");
    };
    TokenKey key = FakeFetcher.key("client");
    TokenEntry entry = TokenCache.builder().clock(time).scheduler(time).build()
        .entry(key, Provider.PAXOS, linkageBroken);

    TokenResponseException failure = assertThrows(TokenResponseException.class, entry::token);

    assertContains(failure.getMessage(), "PAXOS token request failed with"
        + " java.lang.NoSuchMethodError: 'okio.Socket okio.Okio.socket(java.net.Socket)': a library"
        + " on the class path is not the one Tokenwise runs on.", "Found"
        + " com.squareup.okhttp3:okhttp-jvm " + OKHTTP, "Tokenwise "
        + ClassPathCheck.NEEDED.getProperty("tokenwise") + " needs OkHttp " + OKHTTP, BOM_FIX);
    assertFalse(failure.getMessage().contains("please report"), failure.getMessage());
  }

  @Test
  void theContainerOfACopyIsItsJarOrItsDirectory() throws Exception {
    assertEquals("okio-jvm-3.7.0.jar", ClassPathCheck.containerName(
        new URL("jar:file:/repo/okio-jvm-3.7.0.jar!/okio/Okio.class"), "okio/Okio.class"));
    assertEquals("file:/build/classes/", ClassPathCheck.containerName(
        new URL("file:/build/classes/okio/Okio.class"), "okio/Okio.class"));
  }

  /** The Kotlin standard library's marker class, without naming Kotlin in a Java import. */
  private static final class KotlinVersionHolder {
    static final String KOTLIN = "kotlin.KotlinVersion";
  }

  private String problem(Object... jars) throws Exception {
    Optional<String> problem = ClassPathCheck.judge(ClassPathCheck.scan(loader(jars)),
        ClassPathCheck.NEEDED);
    assertTrue(problem.isPresent(), "no problem found");
    return problem.get();
  }

  /** Only these jars: the platform loader as parent keeps the test's class path out. */
  private static ClassLoader loader(Object... jars) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Object jar : jars) {
      urls.add(((Path) jar).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Path jarOf(String className) throws Exception {
    return jarOf(Class.forName(className));
  }

  /** A jar holding {@code entries} (empty files: they are found, never loaded). */
  private Path jar(String name, Map<String, String> manifest, String... entries)
      throws IOException {
    Path jar = dir.resolve(name);
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (manifest != null) {
      manifest.forEach((key, value) -> mf.getMainAttributes().putValue(key, value));
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, mf)) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "<" + part + "> not in: " + message);
    }
  }
}
