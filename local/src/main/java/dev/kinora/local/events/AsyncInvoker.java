package dev.kinora.local.events;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import dev.kinora.local.template.FunctionDef;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's asynchronous invocation (what S3 notifications and EventBridge use): the caller does not
 * wait, and a failed invocation is retried {@code EventInvokeConfig.MaximumRetryAttempts} times
 * (default 2). Lambda waits about 1 and then 2 minutes between attempts; locally 1 and 2 seconds.
 * After the last attempt the event is logged and dropped (on-failure destinations are not
 * emulated).
 */
final class AsyncInvoker implements AutoCloseable {
  private static final int DEFAULT_RETRIES = 2;

  private final LocalCloud cloud;
  private final String source;
  private final ExecutorService invocations =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("async-invoke-", 1).factory());
  private volatile boolean closed;

  AsyncInvoker(LocalCloud cloud, String source) {
    this.cloud = cloud;
    this.source = source;
  }

  void invoke(String functionId, String eventJson) {
    if (closed) {
      return;
    }
    invocations.execute(() -> invokeWithRetries(functionId, eventJson));
  }

  private void invokeWithRetries(String functionId, String eventJson) {
    int retries = retries(functionId);
    for (int attempt = 0; attempt <= retries && !closed; attempt++) {
      if (attempt > 0 && !sleep(Duration.ofSeconds(attempt))) {
        return;
      }
      InvocationResult result = cloud.function(functionId).invoke(eventJson);
      if (result instanceof InvocationResult.Failure failure) {
        cloud
            .logs()
            .printf(
                "[events] %s → %s failed (attempt %d of %d): %s%n",
                source, functionId, attempt + 1, retries + 1, failure.errorType());
      } else {
        return;
      }
    }
    if (!closed) {
      cloud.logs().printf("[events] %s → %s: event dropped after retries%n", source, functionId);
    }
  }

  private int retries(String functionId) {
    for (FunctionDef def : cloud.template().functions()) {
      if (def.logicalId().equals(functionId)
          && EventMapping.map(def.properties().get("EventInvokeConfig")).get("MaximumRetryAttempts")
              instanceof Number n) {
        return Math.max(0, Math.min(2, n.intValue()));
      }
    }
    return DEFAULT_RETRIES;
  }

  private boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    invocations.shutdownNow();
    try {
      invocations.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
