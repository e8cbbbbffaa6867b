package dev.kinora.local;

import dev.kinora.local.admin.AdminCommand;
import dev.kinora.local.demo.DemoSeeder;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.runtime.InvocationResult;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local cloud's command line (what {@code ./kinora up|invoke|trigger} run).
 *
 * <pre>
 * up [--fresh] [--demo] [--port N] [--state-dir D] --root R
 * invoke &lt;LogicalId&gt; --event &lt;file&gt; [--root R]
 * trigger &lt;LogicalId&gt; [--port N] [--root R]
 * admin grant|revoke &lt;handle-or-email&gt; [--url U | --region R --table T] [--root R]
 * </pre>
 *
 * Exit codes: 0 ok, 1 the function (or the cloud) failed, 2 usage error.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  private static final String URL_FILE = "local-cloud.url";
  private static final String LOGS_FILE = "local-cloud.logs";

  private Main() {}

  public static void main(String[] args) {
    configureLogging();
    PrintStream stdout =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int code = run(args, stdout, System.err);
    if (code != OK || !"up".equals(args[0])) {
      System.exit(code);
    }
  }

  /** Keeps the emulators' own logging to warnings; the local cloud prints what matters. */
  static void configureLogging() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }

  /** Runs one command; {@code up} returns only when the cloud has stopped. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err, "a command is needed");
    }
    if ("admin".equals(args[0])) {
      // its own options (--region/--table for a deployed stack); see AdminCommand
      return AdminCommand.run(
          List.of(args).subList(1, args.length).toArray(String[]::new), System.getenv(), out, err);
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(List.of(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    try {
      return switch (args[0]) {
        case "up" -> up(arguments, out, err);
        case "invoke" -> invoke(arguments, out, err);
        case "trigger" -> trigger(arguments, out, err);
        default -> usage(err, "unknown command " + args[0]);
      };
    } catch (UsageException e) {
      return usage(err, e.getMessage());
    } catch (Exception e) {
      if (causedBy(e, BindException.class)) {
        err.println(
            "kinora: a port is already in use ("
                + e.getMessage()
                + "). Is another ./kinora up running? Stop it, or pick other ports with --port N"
                + " (the services use N+1..N+3).");
        return FAILED;
      }
      err.println("kinora: " + e.getMessage());
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- up

  private static int up(Arguments a, PrintStream out, PrintStream err) throws Exception {
    Path root = a.root();
    Path state =
        a.stateDir != null ? Path.of(a.stateDir) : root.resolve(".kinora").resolve("state");
    if (a.fresh) {
      deleteRecursively(state);
      out.println("[local-cloud] --fresh: removed " + state);
    }
    Files.createDirectories(state);
    int port = a.port == null ? 8080 : a.port;
    LocalCloud cloud =
        LocalCloud.builder()
            .root(root)
            .stateDir(state)
            .port(port)
            .functionCode(FunctionCode.JARS)
            .logs(out)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("[local-cloud] shutting down");
                  cloud.close();
                  stopped.countDown();
                },
                "local-cloud-shutdown"));
    Path urlFile = root.resolve(".kinora").resolve(URL_FILE);
    Files.createDirectories(urlFile.getParent());
    Files.writeString(urlFile, cloud.frontDoorUrl().toString()); // for ./kinora trigger
    // for ./kinora logs <Function>: where this cloud's per-function log files are
    Files.writeString(urlFile.resolveSibling(LOGS_FILE), cloud.logsDirectory().toString());
    out.printf(
        Locale.ROOT,
        "%nKinora is up: %s (started in %.1f s)%n",
        cloud.frontDoorUrl(),
        cloud.startupMillis() / 1000.0);
    out.println("  DynamoDB  " + cloud.dynamoDbEndpoint());
    out.println("  SQS       " + cloud.sqsEndpoint());
    out.println("  S3        " + cloud.s3Endpoint());
    out.println("  state     " + state);
    out.println("  logs      " + cloud.logsDirectory() + " (./kinora logs <Function>)");
    out.println("  functions " + String.join(", ", cloud.functions().keySet()));
    if (a.demo) {
      seedDemo(cloud, root, state, out, err);
    }
    out.println("Press Ctrl-C to stop.");
    stopped.await();
    return OK;
  }

  /**
   * {@code --demo}: fills the running cloud with the demo channels and videos through its own API.
   * A seed that fails leaves the cloud running (what was seeded stays; the next --demo resumes).
   */
  private static void seedDemo(
      LocalCloud cloud, Path root, Path state, PrintStream out, PrintStream err) {
    try {
      DemoSeeder.Summary summary =
          DemoSeeder.builder()
              .base(cloud.frontDoorUrl())
              .root(root)
              .stateDir(state.resolve("demo"))
              .out(out)
              .build()
              .seed();
      DemoSeeder.print(summary, out);
    } catch (Exception e) {
      err.println("kinora: the demo seed failed (the cloud keeps running): " + e.getMessage());
      e.printStackTrace(err);
    }
  }

  // ---------------------------------------------------------------- invoke

  private static int invoke(Arguments a, PrintStream out, PrintStream err) throws Exception {
    if (a.positional.size() != 1 || a.event == null) {
      throw new UsageException("usage: invoke <LogicalId> --event <file> [--root R]");
    }
    Path root = a.root();
    Path event = Path.of(a.event);
    if (!Files.isRegularFile(event) && Files.isRegularFile(root.resolve(a.event))) {
      event = root.resolve(a.event);
    }
    if (!Files.isRegularFile(event)) {
      throw new UsageException("no event file " + a.event);
    }
    String eventJson = Files.readString(event);
    PrintStream originalOut = System.out;
    // the function's own prints must not mix with the JSON result on stdout
    System.setOut(err);
    try (LocalCloud cloud =
        LocalCloud.builder()
            .root(root)
            .inMemory()
            .withoutFrontDoor()
            .withoutDefaultEventSources()
            .functionCode(FunctionCode.JARS)
            .logs(err)
            .start()) {
      String id = a.positional.get(0);
      if (!cloud.functions().containsKey(id)) {
        throw new UsageException(
            "no function "
                + id
                + " in the template (functions: "
                + cloud.functions().keySet()
                + ")");
      }
      InvocationResult result = cloud.invoke(id, eventJson);
      out.println(result.payload());
      out.flush();
      err.printf(
          Locale.ROOT,
          "[local-cloud] %s %s in %d ms (request %s)%n",
          id,
          result instanceof InvocationResult.Success ? "succeeded" : "FAILED",
          result.duration().toMillis(),
          result.requestId());
      return result instanceof InvocationResult.Success ? OK : FAILED;
    } finally {
      System.setOut(originalOut);
    }
  }

  // ---------------------------------------------------------------- trigger

  private static int trigger(Arguments a, PrintStream out, PrintStream err) throws Exception {
    if (a.positional.size() != 1) {
      throw new UsageException("usage: trigger <LogicalId> [--port N] [--root R]");
    }
    URI base;
    if (a.port != null) {
      base = URI.create("http://" + LocalAws.HOST + ":" + a.port);
    } else {
      Path urlFile = a.root().resolve(".kinora").resolve(URL_FILE);
      base =
          URI.create(
              Files.isRegularFile(urlFile)
                  ? Files.readString(urlFile).trim()
                  : "http://" + LocalAws.HOST + ":8080");
    }
    URI target = base.resolve("/_kinora/trigger/" + a.positional.get(0));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      (response.statusCode() / 100 == 2 ? out : err).println(response.body());
      return response.statusCode() / 100 == 2 ? OK : FAILED;
    } catch (ConnectException e) {
      err.println("kinora: no local cloud answers at " + base + " (start it with ./kinora up)");
      return FAILED;
    }
  }

  // ---------------------------------------------------------------- plumbing

  private static int usage(PrintStream err, String problem) {
    err.println("kinora: " + problem);
    err.println(
        """
        usage:
          up [--fresh] [--demo] [--port N] [--state-dir D] --root R
          invoke <LogicalId> --event <file> [--root R]
          trigger <LogicalId> [--port N] [--root R]
          admin grant|revoke <handle-or-email> [--url U | --region R --table T] [--root R]""");
    return USAGE;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** {@code --flag value} options and positional arguments. */
  static final class Arguments {
    final List<String> positional = new ArrayList<>();
    String rootDir;
    String stateDir;
    String event;
    Integer port;
    boolean fresh;
    boolean demo;

    static Arguments parse(List<String> args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--fresh" -> a.fresh = true;
          case "--demo" -> a.demo = true;
          case "--root" -> a.rootDir = value(args, ++i, arg);
          case "--state-dir" -> a.stateDir = value(args, ++i, arg);
          case "--event" -> a.event = value(args, ++i, arg);
          case "--port" -> {
            String port = value(args, ++i, arg);
            try {
              a.port = Integer.parseInt(port);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--port needs a number, not " + port, e);
            }
          }
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            a.positional.add(arg);
          }
        }
      }
      return a;
    }

    private static String value(List<String> args, int index, String flag) {
      if (index >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args.get(index);
    }

    Path root() {
      return Path.of(rootDir == null ? "" : rootDir).toAbsolutePath().normalize();
    }
  }
}
