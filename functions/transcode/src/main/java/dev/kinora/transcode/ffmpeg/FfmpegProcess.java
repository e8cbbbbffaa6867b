package dev.kinora.transcode.ffmpeg;

import dev.kinora.shared.log.Log;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one ffmpeg or ffprobe process to completion or to its timeout. stdout is handed line by line
 * to a consumer, stderr is drained on its own thread (a full pipe would block the child) and its
 * last lines kept for the failure message. A process that overstays is killed with everything it
 * started.
 */
final class FfmpegProcess {
  private static final System.Logger LOG = Log.logger(FfmpegProcess.class);
  private static final int STDERR_LINES_KEPT = 30;

  /** How a run ended; {@code stderrTail} is the last lines ffmpeg wrote to stderr. */
  record Result(int exitCode, boolean timedOut, List<String> stderrTail) {

    boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    String stderrText() {
      return String.join("\n", stderrTail);
    }
  }

  private FfmpegProcess() {}

  static Result run(List<String> command, Duration timeout, Consumer<String> stdoutLine)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    Deque<String> stderrTail = new ArrayDeque<>();
    Thread stderrReader =
        Thread.ofVirtual()
            .start(
                () ->
                    readLines(
                        process.getErrorStream(),
                        line -> {
                          synchronized (stderrTail) {
                            if (stderrTail.size() == STDERR_LINES_KEPT) {
                              stderrTail.removeFirst();
                            }
                            stderrTail.addLast(line);
                          }
                        }));
    Thread stdoutReader =
        Thread.ofVirtual().start(() -> readLines(process.getInputStream(), stdoutLine));
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        killTree(process);
      }
      stdoutReader.join();
      stderrReader.join();
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command.getFirst(), e);
    }
    synchronized (stderrTail) {
      return new Result(finished ? process.exitValue() : -1, !finished, List.copyOf(stderrTail));
    }
  }

  /** Kills the process and every process it started (the readers see their pipes close). */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void readLines(InputStream stream, Consumer<String> consumer) {
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      RuntimeException consumerFailure = null;
      while ((line = reader.readLine()) != null) {
        if (consumerFailure == null) {
          try {
            consumer.accept(line);
          } catch (RuntimeException e) {
            consumerFailure = e; // keep draining: a full pipe would block ffmpeg
          }
        }
      }
      if (consumerFailure != null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "an output line consumer failed; the rest of the output was drained unread",
            consumerFailure);
      }
    } catch (IOException e) {
      // The stream closes when the process is killed; anything else is a real failure.
      if (!"Stream closed".equals(e.getMessage())) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
