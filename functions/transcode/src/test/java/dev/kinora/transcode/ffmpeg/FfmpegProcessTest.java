package dev.kinora.transcode.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FfmpegProcessTest {

  @Test
  void stdoutArrivesLineByLineAndStderrIsKeptForTheMessage() throws Exception {
    List<String> lines = new ArrayList<>();

    FfmpegProcess.Result result =
        FfmpegProcess.run(
            List.of(
                "/bin/sh", "-c", "echo out_time_us=1; echo progress=end; echo broken >&2; exit 3"),
            Duration.ofSeconds(30),
            lines::add);

    assertThat(lines).containsExactly("out_time_us=1", "progress=end");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderrText()).isEqualTo("broken");
  }

  /**
   * The grandchild keeps the pipes open: if it survived, reading them would block until it ends, so
   * the class-level guard below would trip instead of the run returning.
   */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aProcessThatOverstaysIsKilledWithEverythingItStarted() throws Exception {
    FfmpegProcess.Result result =
        FfmpegProcess.run(
            List.of("/bin/sh", "-c", "sleep 120 & sleep 120; wait"),
            Duration.ofMillis(300),
            line -> {});

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
  }

  /** On Lambda the JVM's environment holds the function's credentials; here HOME, JAVA_HOME … */
  @Test
  void theChildSeesNoCredentialsOrConfigurationOfTheFunction() throws Exception {
    assertThat(System.getenv().keySet())
        .anyMatch(name -> !FfmpegProcess.CHILD_ENVIRONMENT.contains(name));
    List<String> names = new ArrayList<>();

    FfmpegProcess.Result result =
        FfmpegProcess.run(
            List.of("/usr/bin/env"), Duration.ofSeconds(30), line -> names.add(line.split("=")[0]));

    assertThat(result.succeeded()).isTrue();
    assertThat(names).isNotEmpty().isSubsetOf(FfmpegProcess.CHILD_ENVIRONMENT);
  }

  @Test
  void aFailingLineConsumerDoesNotStopTheDraining() throws Exception {
    List<String> seen = new ArrayList<>();

    FfmpegProcess.Result result =
        FfmpegProcess.run(
            List.of(
                "/bin/sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done"),
            Duration.ofSeconds(60),
            line -> {
              seen.add(line);
              throw new IllegalStateException("listener broke");
            });

    assertThat(seen).containsExactly("line0");
    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isZero();
  }
}
