package dev.kinora.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final String root = Path.of(System.getProperty("kinora.root", "..")).toString();

  @Test
  void helpListsEveryBenchmarkWithItsOptions() {
    int exit = run("help");

    assertThat(exit).isZero();
    assertThat(text(out))
        .contains(
            "coldstart",
            "api",
            "--runs <n>",
            "--no-build",
            "--duration-cap <seconds>",
            "bench/results/");
  }

  @Test
  void unknownBenchmarkIsAUsageError() {
    int exit = run("teleport", "--root", root);

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(text(err)).contains("unknown benchmark 'teleport'");
  }

  @Test
  void badOptionIsAUsageErrorBeforeAnythingRuns() {
    int exit = run("coldstart", "--runs", "2", "--root", root);

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(text(err)).contains("--runs must be between 5 and 100");
  }

  @Test
  void apiBenchmarkRefusesABadOptionBeforeStartingAnything() {
    int exit = run("api", "--concurrency", "0", "--root", root);

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(text(err)).contains("--concurrency must be between 1 and 256");
    assertThat(text(out)).doesNotContain("starting the local cloud");
  }

  @Test
  void rootWithoutAPomIsRefused() {
    int exit = run("api", "--root", "/");

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(text(err)).contains("not the repository root");
  }

  private int run(String... args) {
    List<String> list = new ArrayList<>(List.of(args));
    return Main.run(
        list,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Main.BENCHMARKS);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
