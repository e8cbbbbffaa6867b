package dev.kinora.bench.coldstart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Spring Cloud Function twin of the health endpoint ({@code bench/spring-health}, only
 * in the {@code bench-spring} Maven profile) with the repository's Maven wrapper.
 */
final class SpringHealthBuild {

  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private SpringHealthBuild() {}

  static List<String> command(Path root) {
    return List.of(
        root.resolve("mvnw").toString(),
        "-B",
        "-q",
        "-ntp",
        "-Pbench-spring",
        "-pl",
        "bench/spring-health",
        "package",
        // format and lint are the test command's job; here only the jar matters
        "-Dspotless.check.skip=true",
        "-Dcheckstyle.skip=true");
  }

  /** Runs the build; returns null when it worked, otherwise why not. */
  static String run(Path root) throws IOException, InterruptedException {
    Process build = new ProcessBuilder(command(root)).directory(root.toFile()).inheritIO().start();
    if (!build.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      build.destroyForcibly();
      return "the Spring build did not finish within " + TIMEOUT.toMinutes() + " minutes";
    }
    return build.exitValue() == 0
        ? null
        : "the Spring build failed (exit "
            + build.exitValue()
            + "): "
            + String.join(" ", command(root));
  }
}
