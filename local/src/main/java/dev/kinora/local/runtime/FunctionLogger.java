package dev.kinora.local.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The Lambda logger: each line goes to the local cloud's log prefixed with the function name. */
final class FunctionLogger implements LambdaLogger {
  private final String prefix;
  private final PrintStream out;

  FunctionLogger(String functionName, PrintStream out) {
    this.prefix = "[" + functionName + "] ";
    this.out = out;
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
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }
}
