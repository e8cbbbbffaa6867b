package dev.kinora.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/** A deployable function jar and the handler the Lambda configuration would name. */
record FunctionJar(Path jar, String handler, Path root) {

  static final String CONTEXT_CLASS = "com/amazonaws/services/lambda/runtime/Context.class";

  /** A copy of the jar in {@code dir} (same name, size and handler) for the runs to use. */
  FunctionJar copyInto(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path copy = dir.resolve(jar.getFileName());
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    return new FunctionJar(copy, handler, root);
  }

  boolean exists() {
    return Files.isRegularFile(jar);
  }

  long jarBytes() {
    try {
      return Files.size(jar);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The jar's path relative to the repository when it lies inside it. */
  String displayPath() {
    return jar.startsWith(root) ? root.relativize(jar).toString() : jar.toString();
  }

  /**
   * Whether the jar carries aws-lambda-java-core. Lambda's runtime provides it, so a function may
   * leave it out; the bench then adds the library jar, as the runtime would.
   */
  boolean bundlesLambdaCore() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(CONTEXT_CLASS) != null;
    }
  }
}
