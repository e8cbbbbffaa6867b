package dev.kinora.bench.api;

import dev.kinora.local.runtime.FunctionCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The code of {@code ItemReadFunction} as the local cloud's JARS mode loads it: a directory laid
 * out like a Lambda zip, whose {@code lib/} holds this JVM's class path (the bench jar, which
 * carries {@link ItemReadApi}, and its dependencies: kinora-shared, the DynamoDB SDK, …).
 *
 * <p>Jars are linked, not copied; class folders (when the bench runs from {@code target/classes},
 * as in tests) are packed into jars, because the local cloud reads only {@code lib/*.jar}. Names
 * carry the class-path position, so the function's class loader searches them in the same order.
 */
final class ItemReadCode {

  private ItemReadCode() {}

  /** Writes the function directory afresh under {@code dir} and returns it. */
  static Path write(Path dir) throws IOException {
    delete(dir);
    Path lib = Files.createDirectories(dir.resolve("lib"));
    List<Path> entries = classPath();
    for (int i = 0; i < entries.size(); i++) {
      Path entry = entries.get(i);
      Path target = lib.resolve(libName(i, entry));
      if (Files.isDirectory(entry)) {
        packFolder(entry, target);
      } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        link(entry, target);
      }
    }
    return dir;
  }

  /**
   * {@code 007-kinora-shared-0.1.0-SNAPSHOT.jar} for a jar; {@code 003-bench-classes.jar} for the
   * folder {@code bench/target/classes}.
   */
  static String libName(int position, Path entry) {
    String name = entry.getFileName().toString();
    if (!name.endsWith(".jar")) {
      Path parent = entry.getParent();
      String module =
          parent == null || parent.getParent() == null
              ? "classes"
              : parent.getParent().getFileName() + "-" + name;
      name = module + ".jar";
    }
    return String.format(Locale.ROOT, "%03d-%s", position, name);
  }

  private static List<Path> classPath() {
    List<Path> paths = new ArrayList<>();
    for (URL url : FunctionCode.CLASSPATH.urls(null)) {
      try {
        paths.add(Path.of(url.toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalStateException("unexpected class-path entry " + url, e);
      }
    }
    return paths;
  }

  private static void link(Path jar, Path target) throws IOException {
    try {
      Files.createSymbolicLink(target, jar.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.copy(jar, target);
    }
  }

  private static void packFolder(Path folder, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(folder.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(folder);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
