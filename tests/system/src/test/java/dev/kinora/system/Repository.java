package dev.kinora.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository under test: the Maven build passes its root as {@code kinora.root}. */
final class Repository {
  private Repository() {}

  static Path root() {
    Path root = Path.of(System.getProperty("kinora.root", "../..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("template.yaml"))) {
      throw new IllegalStateException("no template.yaml under " + root);
    }
    return root;
  }
}
