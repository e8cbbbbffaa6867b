package dev.kinora.local.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Copies a fixture template into a directory next to a small function jar its CodeUri points at.
 */
final class Fixtures {
  static final String HANDLER_CLASS = "dev/kinora/example/ExampleApi.class";

  private Fixtures() {}

  /** templates/{name} as {dir}/template.yaml, with {dir}/code/handler.jar holding ExampleApi. */
  static Template load(String name, Path dir) throws IOException {
    Path template = dir.resolve("template.yaml");
    try (InputStream in = Fixtures.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) {
        throw new IOException("no fixture templates/" + name);
      }
      Files.write(template, in.readAllBytes());
    }
    writeJar(dir.resolve("code/handler.jar"), List.of(HANDLER_CLASS));
    return Template.load(template);
  }

  /** A jar with the given class entries; each "class" carries a handleRequest method name. */
  static void writeJar(Path jar, List<String> classEntries) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : classEntries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        zip.write("handleRequest".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  /**
   * The repository root: the build passes it as kinora.root; else the nearest parent holding mvnw.
   */
  static Path repositoryRoot() {
    String configured = System.getProperty("kinora.root");
    if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("template.yaml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find the repository root (template.yaml next to mvnw)");
    }
    return dir;
  }
}
