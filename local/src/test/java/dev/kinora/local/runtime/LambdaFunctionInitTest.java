package dev.kinora.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.handlers.SlowInitHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An init that overstays Lambda's init limit (scaled down here: 200 ms instead of 10 s, against
 * SlowInitHandler's 1.5 s constructor) is retried within the first invocation under the function's
 * timeout, as Lambda does; it fails only when that budget runs out too.
 */
class LambdaFunctionInitTest {
  private static final Duration INIT_LIMIT = Duration.ofMillis(200);

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  private LambdaFunction slowInit(Duration timeout) throws Exception {
    FunctionSpec spec =
        new FunctionSpec(
            "SlowInitFunction",
            "slow-init",
            SlowInitHandler.class.getName() + "::handleRequest",
            512,
            timeout,
            Map::of,
            List.of(SlowInitHandler.class.getProtectionDomain().getCodeSource().getLocation()));
    return new LambdaFunction(
        spec, new PrintStream(logs, true, StandardCharsets.UTF_8), null, INIT_LIMIT);
  }

  @Test
  void anInitPastTheInitLimitIsRetriedWithinTheInvocationsTimeout() throws Exception {
    try (LambdaFunction function = slowInit(Duration.ofSeconds(30))) {
      InvocationResult result = function.invoke("{}");

      assertThat(result).isInstanceOf(InvocationResult.Success.class);
      assertThat(result.payload()).isEqualTo("\"ready\"");
      assertThat(logs.toString(StandardCharsets.UTF_8))
          .contains("Init timed out after 0.20 seconds; retried within the invocation");
    }
  }

  @Test
  void anInitPastBothTheInitLimitAndTheFunctionsTimeoutIsATimeout() throws Exception {
    try (LambdaFunction function = slowInit(Duration.ofMillis(300))) {
      InvocationResult result = function.invoke("{}");

      assertThat(result)
          .isInstanceOfSatisfying(
              InvocationResult.Failure.class,
              failure -> {
                assertThat(failure.errorType()).isEqualTo(InvocationResult.Failure.TIMEOUT);
                assertThat(failure.errorMessage()).contains("Task timed out after 0.30 seconds");
              });
    }
  }
}
