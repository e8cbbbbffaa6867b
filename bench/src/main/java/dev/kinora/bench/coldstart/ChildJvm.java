package dev.kinora.bench.coldstart;

import dev.kinora.bench.coldstart.child.ColdStartChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM running {@link ColdStartChild} and times it with this process's clock: from
 * just before the launch to the moment its response line arrives on the pipe. Every child is
 * bounded by a timeout and killed when it overstays.
 */
final class ChildJvm {

  /** What one child reported. */
  record Outcome(double millisToResponse, int status, String body, long peakRssKb) {}

  /** A child that did not answer 200 in time, with the tail of what it printed. */
  static final class ChildFailure extends Exception {
    ChildFailure(String message) {
      super(message);
    }
  }

  /**
   * The environment a Lambda sandbox gives every function; handlers that read their region or name
   * from it behave as they would there. No credentials: the health route needs none.
   */
  static final Map<String, String> LAMBDA_ENVIRONMENT =
      Map.of(
          "AWS_REGION", "us-east-1",
          "AWS_DEFAULT_REGION", "us-east-1",
          "AWS_LAMBDA_FUNCTION_NAME", "coldstart-bench",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
          "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");

  private static final int TAIL_LINES = 15;

  private ChildJvm() {}

  static Outcome run(List<String> command, Path stderrLog, Duration timeout)
      throws IOException, InterruptedException, ChildFailure {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(stderrLog.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(LAMBDA_ENVIRONMENT);
    StdoutWatcher watcher = new StdoutWatcher();
    long launched = System.nanoTime();
    Process process = builder.start();
    watcher.start(process, launched);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new ChildFailure(
          "no exit within " + timeout.toSeconds() + " s (killed); stderr in " + stderrLog);
    }
    watcher.join();
    if (process.exitValue() != 0 || watcher.response == null) {
      throw new ChildFailure(
          "exit code "
              + process.exitValue()
              + (watcher.response == null ? ", no response line" : "")
              + "; stderr in "
              + stderrLog
              + "; last output:\n  "
              + String.join("\n  ", watcher.tail()));
    }
    Outcome outcome = parse(watcher.response, watcher.peakRssLine, watcher.responseNanos);
    if (outcome.status() != 200) {
      throw new ChildFailure("answered " + outcome.status() + ": " + outcome.body());
    }
    return outcome;
  }

  /** Reads the child's response and peak RSS lines into an outcome. */
  static Outcome parse(String responseLine, String peakRssLine, long nanosToResponse) {
    String fields = responseLine.substring(ColdStartChild.RESPONSE_PREFIX.length());
    int bodyAt = fields.indexOf(" body=");
    String statusField = bodyAt < 0 ? fields : fields.substring(0, bodyAt);
    int status = Integer.parseInt(statusField.replace("status=", "").trim());
    String body = bodyAt < 0 ? "" : fields.substring(bodyAt + " body=".length());
    long peakRssKb =
        peakRssLine == null
            ? -1
            : Long.parseLong(peakRssLine.substring(ColdStartChild.PEAK_RSS_PREFIX.length()).trim());
    return new Outcome(nanosToResponse / 1_000_000.0, status, body, peakRssKb);
  }

  /** Drains the child's stdout (Spring logs there), noting when the response line arrives. */
  private static final class StdoutWatcher {
    private volatile String response;
    private volatile String peakRssLine;
    private volatile long responseNanos;
    private final Deque<String> tail = new ArrayDeque<>();
    private Thread thread;

    void start(Process process, long launched) {
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("coldstart-child-stdout")
              .start(
                  () -> {
                    try (BufferedReader lines = process.inputReader()) {
                      String line;
                      while ((line = lines.readLine()) != null) {
                        if (line.startsWith(ColdStartChild.RESPONSE_PREFIX)) {
                          responseNanos = System.nanoTime() - launched;
                          response = line;
                        } else if (line.startsWith(ColdStartChild.PEAK_RSS_PREFIX)) {
                          peakRssLine = line;
                        } else {
                          remember(line);
                        }
                      }
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
    }

    private synchronized void remember(String line) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }

    synchronized List<String> tail() {
      return List.copyOf(tail);
    }

    void join() throws InterruptedException {
      thread.join(Duration.ofSeconds(10));
    }
  }
}
