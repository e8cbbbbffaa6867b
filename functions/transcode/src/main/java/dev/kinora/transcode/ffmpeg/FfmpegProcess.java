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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one ffmpeg or ffprobe process to completion or to its timeout. stdout is handed line by line
 * to a consumer, stderr is drained on its own thread (a full pipe would block the child) and its
 * last lines kept for the failure message. A process that overstays is killed with everything it
 * started.
 *
 * <p>The child gets only the environment variables it needs to start ({@link #CHILD_ENVIRONMENT}):
 * the function's AWS credentials ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SESSION_TOKEN} …), table
 * names and endpoints stay in the JVM, so a decoder exploited by a crafted upload finds nothing to
 * steal in its environment. Together with {@code SafeInput} (no network protocols, no other files)
 * and the timeout this is the sandbox; Lambda's memory limit and read-only filesystem bound the
 * rest.
 */
final class FfmpegProcess {
  private static final System.Logger LOG = Log.logger(FfmpegProcess.class);
  private static final int STDERR_LINES_KEPT = 30;

  /** What ffmpeg and ffprobe need to find themselves, their libraries and a scratch directory. */
  static final Set<String> CHILD_ENVIRONMENT =
      Set.of("PATH", "LD_LIBRARY_PATH", "TMPDIR", "LANG", "LC_ALL", "TZ");

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
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(CHILD_ENVIRONMENT);
    Process process = builder.start();
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
