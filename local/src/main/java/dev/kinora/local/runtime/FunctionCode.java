package dev.kinora.local.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Where a function's classes come from. */
public enum FunctionCode {
  /** The function's {@code CodeUri} (a shaded jar, or a directory laid out like a Lambda zip). */
  JARS,
  /**
   * The current JVM's classpath (tests: the handler classes are compiled but not packaged). Each
   * function still gets its own child-first loader over those URLs.
   */
  CLASSPATH;

  /** The URLs for one function. */
  public URL[] urls(Path codeUri) {
    return switch (this) {
      case JARS -> codeUrls(codeUri);
      case CLASSPATH -> currentClasspath();
    };
  }

  private static URL[] codeUrls(Path codeUri) {
    if (codeUri == null || !Files.exists(codeUri)) {
      throw new IllegalStateException(
          "function code not found at "
              + codeUri
              + " (build it first: ./mvnw package, or ./kinora up builds everything)");
    }
    List<URL> urls = new ArrayList<>();
    urls.add(toUrl(codeUri));
    Path lib = codeUri.resolve("lib");
    if (Files.isDirectory(codeUri) && Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(toUrl(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return urls.toArray(URL[]::new);
  }

  /**
   * The classpath of this JVM, with manifest-only jars (Surefire's booter) expanded to the entries
   * they point at.
   */
  static URL[] currentClasspath() {
    Set<URL> urls = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry).toAbsolutePath();
      urls.add(toUrl(path));
      urls.addAll(manifestClassPath(path));
    }
    return urls.toArray(URL[]::new);
  }

  private static List<URL> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return List.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      String classPath =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null || classPath.isBlank()) {
        return List.of();
      }
      List<URL> urls = new ArrayList<>();
      URI base = jar.toAbsolutePath().toUri();
      for (String relative : classPath.trim().split("\\s+")) {
        urls.add(base.resolve(relative).toURL());
      }
      return urls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
