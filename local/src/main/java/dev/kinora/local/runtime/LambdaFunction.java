package dev.kinora.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.kinora.local.LocalAws;
import dev.kinora.local.faults.Faults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function, run in-process the way the Lambda Java runtime runs it: its own class loader, one
 * handler instance created on first use and kept warm, JSON in and JSON out through the Lambda
 * serializers, a {@link Context}, and the template's Timeout enforced. A timed-out instance is
 * thrown away (its next invocation starts cold), as Lambda recycles the execution environment.
 */
public final class LambdaFunction implements AutoCloseable {
  private static final String CONFIG_CLASS = "dev.kinora.shared.config.Config";

  /** Lambda's limit for the init phase of an on-demand function. */
  static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

  private final FunctionSpec spec;
  private final Duration initTimeout;
  private final PrintStream logs;
  private final ClassLoader runtimeTypes;
  private final ExecutorService threads;
  private final FunctionLogger logger;
  private volatile Instance instance;
  private volatile Map<String, String> environment;
  private volatile Faults faults;

  public LambdaFunction(FunctionSpec spec, PrintStream logs) {
    this(spec, logs, null);
  }

  /** Also appends the function's log lines to {@code logFile} (null: none). */
  public LambdaFunction(FunctionSpec spec, PrintStream logs, java.nio.file.Path logFile) {
    this(spec, logs, logFile, INIT_TIMEOUT);
  }

  /** With another init limit than Lambda's, so tests need not wait ten seconds. */
  LambdaFunction(
      FunctionSpec spec, PrintStream logs, java.nio.file.Path logFile, Duration initTimeout) {
    this.spec = spec;
    this.initTimeout = initTimeout;
    this.logs = logs;
    this.runtimeTypes = Context.class.getClassLoader();
    this.logger = new FunctionLogger(spec.logicalId(), logs, logFile);
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, spec.logicalId() + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Test-only: invocations may be ended early as {@link Faults#killInvocations} plans. */
  public void injectFaults(Faults faults) {
    this.faults = faults;
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** The environment the function sees (template variables plus what Lambda sets). */
  public Map<String, String> environment() {
    Map<String, String> current = environment;
    if (current == null) {
      current = Map.copyOf(spec.environment().get());
      environment = current;
    }
    return current;
  }

  /** Whether a warm instance exists (the next invocation skips init). */
  public boolean warm() {
    return instance != null;
  }

  /**
   * Invokes the handler with one event, as Lambda's synchronous Invoke does. As on Lambda, a cold
   * start's init (class loading, the handler's constructor) has its own {@link #INIT_TIMEOUT} and
   * the function's Timeout starts with the handler call: a slow init on a busy machine is not a
   * timed-out request. An init that overstays its limit is not a failure either: Lambda retries it
   * within the first invocation, under the function's Timeout ("Init phase is limited to 10
   * seconds. If all three tasks don't complete within 10 seconds, Lambda retries the Init phase at
   * the time of the first function invocation with the configured function timeout" — the Lambda
   * execution environment lifecycle); here the init already under way goes on against that budget.
   */
  public InvocationResult invoke(String eventJson) {
    String requestId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    long deadline;
    if (warm()) {
      deadline = System.nanoTime() + spec.timeout().toNanos();
    } else {
      Future<Instance> init = threads.submit(this::instance);
      try {
        try {
          init.get(initTimeout.toNanos(), TimeUnit.NANOSECONDS);
          deadline = System.nanoTime() + spec.timeout().toNanos();
        } catch (TimeoutException e) {
          logger.log(
              String.format(
                  Locale.ROOT,
                  "RequestId: %s Init timed out after %.2f seconds; retried within the"
                      + " invocation's %.2f s timeout",
                  requestId,
                  initTimeout.toMillis() / 1000.0,
                  spec.timeout().toMillis() / 1000.0));
          deadline = System.nanoTime() + spec.timeout().toNanos();
          init.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
      } catch (TimeoutException e) {
        init.cancel(true);
        return timedOut(requestId, started);
      } catch (ExecutionException e) {
        return failure(requestId, e, started);
      } catch (InterruptedException e) {
        return interrupted(requestId, init, started);
      }
    }
    Optional<Faults.InvocationFault> fault =
        faults == null ? Optional.empty() : faults.invocationFault(spec.logicalId());
    long handlerStarted = System.nanoTime();
    FunctionContext context =
        new FunctionContext(
            requestId,
            spec.functionName(),
            LocalAws.arn("lambda", "function:" + spec.functionName()),
            spec.memoryMb(),
            deadline,
            logger);
    Future<String> running = threads.submit(() -> runOnce(eventJson, context));
    if (fault.isPresent() && fault.get().after().compareTo(spec.timeout()) < 0) {
      return invokeUntilKilled(requestId, running, fault.get(), started, handlerStarted);
    }
    try {
      String payload = running.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      return succeeded(
          new InvocationResult.Success(requestId, payload, since(started)), handlerStarted);
    } catch (TimeoutException e) {
      running.cancel(true);
      return timedOut(requestId, started);
    } catch (ExecutionException e) {
      return failure(requestId, e, started);
    } catch (InterruptedException e) {
      return interrupted(requestId, running, started);
    }
  }

  /** The instance is thrown away: Lambda recycles an environment whose invocation timed out. */
  private InvocationResult timedOut(String requestId, long started) {
    instance = null;
    String message =
        String.format(
            Locale.ROOT,
            "RequestId: %s Error: Task timed out after %.2f seconds",
            requestId,
            spec.timeout().toMillis() / 1000.0);
    logger.log(message);
    return new InvocationResult.Failure(
        requestId, InvocationResult.Failure.TIMEOUT, message, List.of(), since(started));
  }

  /**
   * A planned fault: the invocation ends at {@code fault.after()} unless it finished before. Its
   * thread is interrupted and the instance thrown away, as Lambda discards a crashed or timed-out
   * sandbox; what the interrupted code still does on its way out is the in-process approximation of
   * requests already on the wire when a real sandbox dies.
   */
  private InvocationResult invokeUntilKilled(
      String requestId,
      Future<String> running,
      Faults.InvocationFault fault,
      long started,
      long handlerStarted) {
    try {
      String payload = running.get(fault.after().toNanos(), TimeUnit.NANOSECONDS);
      return succeeded(
          new InvocationResult.Success(requestId, payload, since(started)), handlerStarted);
    } catch (TimeoutException e) {
      running.cancel(true);
      instance = null;
      faults.killed(spec.logicalId(), fault.kill());
      boolean timeout = fault.kill() == Faults.Kill.TIMEOUT;
      String message =
          String.format(
              Locale.ROOT,
              timeout
                  ? "RequestId: %s Error: Task timed out after %.2f seconds (fault injected)"
                  : "RequestId: %s Error: Runtime exited with error: signal: killed after %.2f"
                      + " seconds (fault injected)",
              requestId,
              fault.after().toMillis() / 1000.0);
      logger.log(message);
      return new InvocationResult.Failure(
          requestId,
          timeout ? InvocationResult.Failure.TIMEOUT : "Runtime.ExitError",
          message,
          List.of(),
          since(started));
    } catch (ExecutionException e) {
      return failure(requestId, e, started);
    } catch (InterruptedException e) {
      return interrupted(requestId, running, started);
    }
  }

  /** Tells the fault switchboard how long the handler itself ran (init not included). */
  private InvocationResult succeeded(InvocationResult.Success success, long handlerStarted) {
    if (faults != null) {
      faults.succeeded(spec.logicalId(), since(handlerStarted));
    }
    return success;
  }

  private InvocationResult failure(String requestId, ExecutionException e, long started) {
    Throwable error = unwrap(e.getCause());
    logger.log(error.getClass().getName() + ": " + error.getMessage());
    return new InvocationResult.Failure(
        requestId,
        error.getClass().getName(),
        String.valueOf(error.getMessage()),
        Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList(),
        since(started));
  }

  private InvocationResult interrupted(String requestId, Future<?> running, long started) {
    running.cancel(true);
    Thread.currentThread().interrupt();
    return new InvocationResult.Failure(
        requestId, "Runtime.Interrupted", "invocation interrupted", List.of(), since(started));
  }

  private String runOnce(String eventJson, Context context) throws Exception {
    Instance current = instance();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(current.loader);
    try {
      useEnvironment(current.loader);
      return current.invoke(eventJson, context);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Instance instance() throws Exception {
    Instance current = instance;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (instance == null) {
        instance = createInstance();
      }
      return instance;
    }
  }

  private Instance createInstance() throws Exception {
    long started = System.nanoTime();
    FunctionClassLoader loader =
        new FunctionClassLoader(spec.logicalId(), spec.code().toArray(URL[]::new), runtimeTypes);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      useEnvironment(loader);
      Class<?> handlerClass = Class.forName(spec.handlerClass(), true, loader);
      Method method = handlerMethod(handlerClass, spec.handlerMethod());
      Object target =
          Modifier.isStatic(method.getModifiers())
              ? null
              : handlerClass.getDeclaredConstructor().newInstance();
      Instance created =
          new Instance(
              loader,
              target,
              method,
              inputSerializer(method, loader),
              outputSerializer(method, loader));
      logger.log(
          String.format(
              Locale.ROOT,
              "INIT %s in %d ms",
              spec.handler(),
              (System.nanoTime() - started) / 1_000_000));
      return created;
    } catch (ReflectiveOperationException | RuntimeException e) {
      loader.close();
      throw e;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Gives the function its own environment through its own copy of {@code Config}; functions
   * without that class simply don't get one.
   */
  private void useEnvironment(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> config;
    try {
      config = Class.forName(CONFIG_CLASS, true, loader);
    } catch (ClassNotFoundException absent) {
      return;
    }
    config.getMethod("useEnvironment", Map.class).invoke(null, environment());
  }

  /** Picks the handler method like the Lambda runtime: by name, most parameters, no bridges. */
  static Method handlerMethod(Class<?> handlerClass, String name) throws NoSuchMethodException {
    List<Method> candidates = new ArrayList<>();
    for (Method method : handlerClass.getMethods()) {
      if (method.getName().equals(name) && !method.isBridge() && method.getParameterCount() <= 3) {
        candidates.add(method);
      }
    }
    return candidates.stream()
        .max(
            Comparator.comparingInt(Method::getParameterCount)
                .thenComparing(
                    m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] != Object.class))
        .orElseThrow(
            () ->
                new NoSuchMethodException(
                    "no public method " + name + " in handler class " + handlerClass.getName()));
  }

  /**
   * The runtime builds a handler's serializers while it loads the handler (init), not on the first
   * request; their first use loads and configures Jackson, which takes seconds on a busy machine.
   */
  private static PojoSerializer<Object> inputSerializer(Method method, ClassLoader loader) {
    Class<?>[] params = method.getParameterTypes();
    boolean takesEvent =
        params.length > 0
            && !Context.class.isAssignableFrom(params[0])
            && !InputStream.class.isAssignableFrom(params[0]);
    return takesEvent ? serializer(method.getGenericParameterTypes()[0], loader) : null;
  }

  private static PojoSerializer<Object> outputSerializer(Method method, ClassLoader loader) {
    Class<?> type = method.getReturnType();
    boolean fixedType = type != void.class && type != Object.class;
    return fixedType ? serializer(method.getGenericReturnType(), loader) : null;
  }

  private record Instance(
      ClassLoader loader,
      Object target,
      Method method,
      PojoSerializer<Object> inputSerializer,
      PojoSerializer<Object> outputSerializer) {
    String invoke(String eventJson, Context context) throws Exception {
      Class<?>[] params = method.getParameterTypes();
      if (params.length >= 2
          && InputStream.class.isAssignableFrom(params[0])
          && OutputStream.class.isAssignableFrom(params[1])) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Object[] args =
            params.length == 3
                ? new Object[] {input(eventJson), output, context}
                : new Object[] {input(eventJson), output};
        call(args);
        return output.toString(StandardCharsets.UTF_8);
      }
      Object[] args = new Object[params.length];
      for (int i = 0; i < params.length; i++) {
        if (Context.class.isAssignableFrom(params[i])) {
          args[i] = context;
        } else if (i == 0) {
          args[i] = inputSerializer.fromJson(input(eventJson));
        }
      }
      Object result = call(args);
      if (method.getReturnType() == void.class || result == null) {
        return "null";
      }
      PojoSerializer<Object> out =
          outputSerializer != null ? outputSerializer : serializer(result.getClass(), loader);
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      out.toJson(result, output);
      return output.toString(StandardCharsets.UTF_8);
    }

    private Object call(Object[] args) throws Exception {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      }
    }

    private static InputStream input(String json) {
      return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The serializer the Lambda Java runtime would pick for a handler's input or output type. */
  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
    if (type instanceof Class<?> clazz
        && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(clazz, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof InvocationTargetException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  @Override
  public void close() throws IOException {
    threads.shutdownNow();
    Instance current = instance;
    instance = null;
    if (current != null && current.loader instanceof FunctionClassLoader loader) {
      loader.close();
    }
    logs.flush();
  }
}
