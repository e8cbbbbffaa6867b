package dev.kinora.shared.log;

import dev.kinora.shared.config.Config;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The functions' one logger: every line is one JSON object ({@code time, level, function,
 * requestId, userId, logger, message}, then the caller's fields and the error) so CloudWatch Logs
 * Insights can filter on any of them, and no line carries a password, token, cookie or presigned
 * URL ({@link Redaction}).
 *
 * <p>The request id and user id come from the {@link Scope} the doorway opens ({@code
 * Routes.dispatch} for API functions, the handler for queue functions). Threads a function starts
 * itself see the scope of the invocation that is running: Lambda runs one invocation per execution
 * environment at a time, so that is the right one.
 *
 * <p>Lines go to standard output (CloudWatch on Lambda). The local cloud sets {@code
 * KINORA_LOG_FILE} per function so {@code ./kinora logs <Function>} can tail it; there only
 * warnings and errors also reach the terminal.
 */
public final class Log {
  /** The local cloud's per-function log file (unset on Lambda). */
  public static final String LOG_FILE_VARIABLE = "KINORA_LOG_FILE";

  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();
  private static volatile Scope latest;
  private static volatile Sink sink;
  private static volatile String function;

  private Log() {}

  /** Where lines go; tests swap it. */
  interface Sink {
    void write(System.Logger.Level level, String line);
  }

  /** One invocation's identity in the logs. Close it when the invocation ends. */
  public static final class Scope implements AutoCloseable {
    private final String requestId;
    private volatile String userId;
    private final Scope previous;

    private Scope(String requestId, String userId, Scope previous) {
      this.requestId = requestId;
      this.userId = userId;
      this.previous = previous;
    }

    /** The caller, once the session is known. */
    public void user(String userId) {
      this.userId = userId;
    }

    @Override
    public void close() {
      if (previous == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(previous);
      }
    }
  }

  /** Starts the scope of one invocation (request id, and the caller when already known). */
  public static Scope begin(String requestId, String userId) {
    Scope scope = new Scope(requestId, userId, SCOPE.get());
    SCOPE.set(scope);
    latest = scope;
    return scope;
  }

  /**
   * Queue and schedule handlers: the request id of the invocation now running (it replaces the
   * previous one, so nothing needs closing).
   */
  public static void invocation(String requestId) {
    Scope scope = new Scope(requestId == null ? "unknown" : requestId, null, null);
    SCOPE.set(scope);
    latest = scope;
  }

  /** A {@link System.Logger} that writes these JSON lines; drop-in for {@code System.getLogger}. */
  public static System.Logger logger(Class<?> type) {
    return new JsonLogger(type.getName());
  }

  public static void info(String message, Map<String, ?> fields) {
    write(System.Logger.Level.INFO, null, message, fields, null);
  }

  public static void warn(String message, Map<String, ?> fields, Throwable error) {
    write(System.Logger.Level.WARNING, null, message, fields, error);
  }

  public static void error(String message, Map<String, ?> fields, Throwable error) {
    write(System.Logger.Level.ERROR, null, message, fields, error);
  }

  /**
   * Writes a line someone else formatted (the embedded-metric-format lines of {@code Metrics})
   * where log lines go, so locally it lands in the function's log file too.
   */
  public static void raw(String jsonLine) {
    sink().write(System.Logger.Level.INFO, jsonLine);
  }

  /** The JSON line for one event; everything printed passes through here. */
  static String line(
      System.Logger.Level level,
      String logger,
      String message,
      Map<String, ?> fields,
      Throwable error,
      String function,
      Scope scope) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("time", Instant.now().toString());
    entry.put("level", level.getName());
    entry.put("function", function);
    if (scope != null) {
      entry.put("requestId", scope.requestId);
      if (scope.userId != null) {
        entry.put("userId", scope.userId);
      }
    }
    if (logger != null) {
      entry.put("logger", logger);
    }
    entry.put("message", Redaction.text(message));
    if (fields != null) {
      fields.forEach(
          (name, value) -> {
            if (!entry.containsKey(name)) {
              entry.put(name, safe(name, value));
            }
          });
    }
    if (error != null) {
      var trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      entry.put("error", Redaction.text(trace.toString()));
    }
    return Json.write(entry);
  }

  private static Object safe(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (Redaction.isSecretName(name)) {
      return Redaction.REDACTED;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return Redaction.text(String.valueOf(value));
  }

  static void write(
      System.Logger.Level level,
      String logger,
      String message,
      Map<String, ?> fields,
      Throwable error) {
    Scope scope = SCOPE.get();
    String line =
        line(level, logger, message, fields, error, function(), scope != null ? scope : latest);
    sink().write(level, line);
  }

  /** The function's name ({@code AWS_LAMBDA_FUNCTION_NAME}); read once, it never changes. */
  public static String function() {
    String name = function;
    if (name == null) {
      name = Config.fromEnvironment().get("AWS_LAMBDA_FUNCTION_NAME", "local");
      function = name;
    }
    return name;
  }

  private static Sink sink() {
    Sink current = sink;
    if (current == null) {
      current =
          Config.fromEnvironment().find(LOG_FILE_VARIABLE).map(Log::fileSink).orElse(Log::stdout);
      sink = current;
    }
    return current;
  }

  /** For tests: where lines go (null: back to the default). */
  static void sink(Sink replacement) {
    sink = replacement;
  }

  private static void stdout(System.Logger.Level level, String line) {
    PrintStream out = System.out;
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private static Sink fileSink(String file) {
    Path path = Path.of(file);
    return (level, line) -> {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (Log.class) {
        try {
          Files.createDirectories(path.getParent());
          Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          stdout(level, line);
        }
      }
      if (level.getSeverity() >= System.Logger.Level.WARNING.getSeverity()) {
        stdout(level, line);
      }
    };
  }

  /** The {@link System.Logger} face of this logger, so existing {@code LOG.log(…)} calls stay. */
  private record JsonLogger(String name) implements System.Logger {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= Level.INFO.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      if (isLoggable(level)) {
        write(level, name, Objects.toString(message), null, thrown);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        String message =
            params == null || params.length == 0 ? format : MessageFormat.format(format, params);
        write(level, name, message, null, null);
      }
    }

    @Override
    public void log(Level level, Supplier<String> message) {
      if (isLoggable(level)) {
        write(level, name, message.get(), null, null);
      }
    }
  }
}
