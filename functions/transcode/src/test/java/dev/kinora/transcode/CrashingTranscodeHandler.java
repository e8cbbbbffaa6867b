package dev.kinora.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The transcode handler over a backend that always crashes (what an out-of-memory or a bug looks
 * like to SQS). Used only by the test template {@code transcode-crash/template.yaml}. Each attempt
 * appends a line to {@code <java.io.tmpdir>/kinora-crash-attempts-<videoId>}: the function runs in
 * its own class loader, so a file is the simplest counter the test can read.
 */
public final class CrashingTranscodeHandler extends TranscodeHandler {
  public CrashingTranscodeHandler() {
    super(
        job -> {
          Path attempts = attemptsFile(job.videoId());
          try {
            Files.writeString(
                attempts, "crash\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new IllegalStateException("injected crash for " + job.videoId());
        });
  }

  static Path attemptsFile(String videoId) {
    return Path.of(System.getProperty("java.io.tmpdir"), "kinora-crash-attempts-" + videoId);
  }
}
