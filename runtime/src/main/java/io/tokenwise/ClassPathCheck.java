package io.tokenwise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;

/**
 * Fails fast, with the fix, when the class path holds an OkHttp, Okio or Kotlin standard library
 * that Tokenwise's OkHttp cannot run on: one older than what Tokenwise was built with, or two
 * copies of one library. Without it, a user's dependency tree (Moshi's {@code okio-jvm} 3.7.0
 * winning Maven's nearest-wins, or a direct Retrofit dependency bringing {@code okhttp} 4.12 beside
 * {@code okhttp-jvm} 5) shows up only as a {@code NoSuchMethodError} in the first token request.
 */
final class ClassPathCheck {
  /** A library OkHttp runs on: the class that marks it, and where its version is written. */
  enum Library {
    OKHTTP("OkHttp", "com.squareup.okhttp3:okhttp-jvm", "okhttp3/OkHttpClient.class", "okhttp"),
    OKIO("Okio", "com.squareup.okio:okio-jvm", "okio/Okio.class", "okio"),
    KOTLIN_STDLIB("the Kotlin standard library", "org.jetbrains.kotlin:kotlin-stdlib",
        "kotlin/KotlinVersion.class", "kotlin-stdlib");

    final String displayName;
    final String coordinates;
    final String marker;
    /** Its key in {@code versions.properties}. */
    final String key;

    Library(String displayName, String coordinates, String marker, String key) {
      this.displayName = displayName;
      this.coordinates = coordinates;
      this.marker = marker;
      this.key = key;
    }

    /**
     * The version of the copy that wins, or null when it cannot be read (a jar repackaged without
     * Okio's manifest). OkHttp and Kotlin carry it as a constant; Okio only in its OSGi manifest.
     */
    String version(ClassLoader loader, URL winner) {
      try {
        return switch (this) {
          case OKHTTP -> String.valueOf(Class.forName("okhttp3.OkHttp", true, loader)
              .getField("VERSION").get(null));
          case KOTLIN_STDLIB -> String.valueOf(Class.forName("kotlin.KotlinVersion", true, loader)
              .getField("CURRENT").get(null));
          case OKIO -> bundleVersion(winner, "com.squareup.okio");
        };
      } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException e) {
        return null;
      }
    }
  }

  /** What a class loader holds of one library: the version of the copy that wins, every copy. */
  record Found(Library library, String version, List<String> copies) {}

  /** The versions this build pinned: {@code tokenwise}, {@code okhttp}, {@code okio}, ... */
  static final Properties NEEDED = load("versions.properties");

  private ClassPathCheck() {}

  /** Once per class loader of Tokenwise: the class path does not change under a running JVM. */
  private static final class Verdict {
    static final Optional<String> PROBLEM = judge(scan(loader()), NEEDED);
  }

  /** Throws when the class path cannot run Tokenwise; {@code build()} calls it first. */
  static void verify() {
    Optional<String> problem = Verdict.PROBLEM;
    if (problem.isPresent()) {
      throw new IllegalStateException(problem.get());
    }
  }

  /**
   * The message for a {@link LinkageError} thrown inside a token request: the class path, not
   * Tokenwise, is at fault. A linkage error names classes and methods only, never request data.
   */
  static String explain(Provider provider, LinkageError error) {
    List<Found> found = scan(loader());
    return provider + " token request failed with " + error + ": a library on the class path is"
        + " not the one Tokenwise runs on. " + judge(found, NEEDED).orElseGet(() -> "Found "
            + describe(found) + "; Tokenwise " + NEEDED.getProperty("tokenwise") + " needs OkHttp "
            + NEEDED.getProperty("okhttp") + ", Okio " + NEEDED.getProperty("okio")
            + " and kotlin-stdlib " + NEEDED.getProperty("kotlin-stdlib") + " or newer. " + fix());
  }

  static List<Found> scan(ClassLoader loader) {
    List<Found> found = new ArrayList<>();
    for (Library library : Library.values()) {
      List<URL> copies;
      try {
        copies = Collections.list(loader.getResources(library.marker));
      } catch (IOException e) {
        continue; // Unreadable class path: nothing to judge, the first call will tell.
      }
      List<String> names = new ArrayList<>();
      for (URL copy : copies) {
        names.add(containerName(copy, library.marker));
      }
      String version = copies.isEmpty() ? null : library.version(loader, copies.get(0));
      found.add(new Found(library, version, List.copyOf(names)));
    }
    return found;
  }

  /** The problems of {@code found} against {@code needed}, with the fix; empty when none. */
  static Optional<String> judge(List<Found> found, Properties needed) {
    List<String> problems = new ArrayList<>();
    boolean twoOkHttps = false;
    for (Found f : found) {
      Library library = f.library();
      String minimum = needed.getProperty(library.key);
      if (f.copies().isEmpty()) {
        problems.add(library.coordinates + " is not on the class path; Tokenwise needs " + minimum
            + " or newer");
      } else if (f.copies().size() > 1) {
        twoOkHttps |= library == Library.OKHTTP;
        problems.add(f.copies().size() + " copies of " + library.displayName + " are on the class"
            + " path (" + String.join(", ", f.copies()) + "), and which one runs depends on their"
            + " order; Tokenwise needs exactly one, " + library.coordinates + " " + minimum
            + " or newer");
      } else if (f.version() != null && compare(f.version(), minimum) < 0) {
        problems.add(library.coordinates + " " + f.version() + " is on the class path ("
            + f.copies().get(0) + "), but Tokenwise " + needed.getProperty("tokenwise")
            + (library == Library.OKHTTP ? " needs " : " and its OkHttp "
                + needed.getProperty("okhttp") + " need ") + minimum + " or newer");
      }
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Tokenwise cannot run on this class path: " + String.join("; ", problems)
        + ". " + (twoOkHttps ? "The old com.squareup.okhttp3:okhttp usually comes with a direct"
            + " com.squareup.retrofit2:retrofit dependency: tokenwise-bom manages it to "
            + needed.getProperty("okhttp") + ", OkHttp 5's empty jar. " : "") + fix());
  }

  private static String fix() {
    String bom = "io.tokenwise:tokenwise-bom:" + NEEDED.getProperty("tokenwise");
    return "Fix: import " + bom + " (Maven: in <dependencyManagement>, with <type>pom</type> and"
        + " <scope>import</scope>; Gradle: implementation(platform(\"" + bom + "\"))), which"
        + " aligns OkHttp, Okio, Retrofit, Moshi and kotlin-stdlib whatever the order of your"
        + " dependencies. mvn dependency:tree -Dverbose"
        + " -Dincludes=com.squareup.okhttp3,com.squareup.okio,org.jetbrains.kotlin shows which"
        + " dependency brought the other version.";
  }

  private static String describe(List<Found> found) {
    List<String> parts = new ArrayList<>();
    for (Found f : found) {
      parts.add(f.library().coordinates + " " + (f.version() == null ? "(version unknown)"
          : f.version()) + " " + f.copies());
    }
    return String.join(", ", parts);
  }

  /** {@code jar:file:/r/okio-jvm-3.7.0.jar!/okio/Okio.class} → {@code okio-jvm-3.7.0.jar}. */
  static String containerName(URL copy, String marker) {
    String url = copy.toString();
    int bang = url.lastIndexOf("!/");
    String container = bang >= 0 ? url.substring(0, bang)
        : url.endsWith(marker) ? url.substring(0, url.length() - marker.length()) : url;
    if (container.endsWith("/")) {
      return container; // A directory of classes: its whole path says most.
    }
    return container.substring(container.lastIndexOf('/') + 1);
  }

  /** The OSGi {@code Bundle-Version} of the jar holding {@code copy}, if it is {@code symbolicName}. */
  private static String bundleVersion(URL copy, String symbolicName) throws IOException {
    String url = copy.toString();
    int bang = url.lastIndexOf("!/");
    if (bang < 0) {
      return null;
    }
    URL manifest = URI.create(url.substring(0, bang + 2) + "META-INF/MANIFEST.MF").toURL();
    try (InputStream in = manifest.openStream()) {
      var attributes = new Manifest(in).getMainAttributes();
      // A repackaged jar's manifest is its own, and its version is not Okio's.
      return symbolicName.equals(attributes.getValue("Bundle-SymbolicName"))
          ? attributes.getValue("Bundle-Version") : null;
    }
  }

  /** Numeric comparison of the leading {@code 1.2.3} of two versions; qualifiers are ignored. */
  static int compare(String a, String b) {
    int[] x = numbers(a);
    int[] y = numbers(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("[^0-9.]", 2)[0].split("\\.");
    int[] numbers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      numbers[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
    }
    return numbers;
  }

  private static ClassLoader loader() {
    ClassLoader loader = ClassPathCheck.class.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = ClassPathCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("io/tokenwise/" + resource + " is missing from the"
            + " tokenwise-runtime jar: the jar is damaged or repackaged without its resources");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
