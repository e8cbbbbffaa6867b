package dev.kinora.local.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The Lambda logger: each line goes to the local cloud's log prefixed with the function name, and
 * (when the cloud keeps state) to the function's own log file, the local stand-in for its log group
 * that {@code ./kinora logs <Function>} tails.
 */
final class FunctionLogger implements LambdaLogger {
  private final String prefix;
  private final PrintStream out;
  private final Path file;

  FunctionLogger(String functionName, PrintStream out) {
    this(functionName, out, null);
  }

  FunctionLogger(String functionName, PrintStream out, Path file) {
    this.prefix = "[" + functionName + "] ";
    this.out = out;
    this.file = file;
  }

  @Override
  public void log(String message) {
    if (message == null) {
      return;
    }
    String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      lines.append(prefix).append(line).append(System.lineSeparator());
    }
    synchronized (out) {
      out.print(lines);
      out.flush();
    }
    if (file != null) {
      append(text + "\n");
    }
  }

  private void append(String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(
          file,
          text.getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      synchronized (out) {
        out.println(prefix + "could not write " + file + ": " + e.getMessage());
      }
    }
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }
}
