package dev.kinora.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.runtime.InvocationResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cloud built with {@code faultInjection}: planned kills end invocations as Lambda would. */
class InjectedKillTest {
  private static LocalCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    Path template =
        Path.of(InjectedKillTest.class.getResource("/local-cloud/template.yaml").toURI());
    cloud =
        LocalCloud.builder()
            .root(template.getParent())
            .template(template)
            .inMemory()
            .withoutFrontDoor()
            .withoutDefaultEventSources()
            .functionCode(FunctionCode.CLASSPATH)
            .logs(new PrintStream(OutputStream.nullOutputStream()))
            .faultInjection(11)
            .start();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @Test
  void aPlannedCrashEndsTheInvocationAsARuntimeExitAndThrowsTheInstanceAway() {
    cloud.invoke("MapFunction", "{\"name\":\"warm\"}");
    assertThat(cloud.function("MapFunction").warm()).isTrue();
    cloud.faults().killInvocations("SlowFunction", 1, Duration.ofMillis(200), Faults.Kill.CRASH);

    InvocationResult result = cloud.invoke("SlowFunction", "{}");

    assertThat(result)
        .isInstanceOfSatisfying(
            InvocationResult.Failure.class,
            failure -> {
              assertThat(failure.errorType()).isEqualTo("Runtime.ExitError");
              assertThat(failure.errorMessage()).contains("fault injected");
            });
    assertThat(cloud.function("SlowFunction").warm()).isFalse();
    assertThat(cloud.faults().counted("SlowFunction:CRASH")).isEqualTo(1);
  }

  @Test
  void aPlannedTimeoutIsASandboxTimeoutAndOtherFunctionsAreUntouched() {
    cloud.faults().killInvocations("SlowFunction", 1, Duration.ofMillis(200), Faults.Kill.TIMEOUT);

    InvocationResult slow = cloud.invoke("SlowFunction", "{}");
    InvocationResult other = cloud.invoke("MapFunction", "{\"name\":\"Ada\"}");

    assertThat(slow)
        .isInstanceOfSatisfying(
            InvocationResult.Failure.class, failure -> assertThat(failure.timedOut()).isTrue());
    assertThat(other).isInstanceOf(InvocationResult.Success.class);
    assertThat(cloud.faults().successfulInvocations("MapFunction")).isNotEmpty();
  }

  @Test
  void functionsReachDynamoDbThroughTheThrottlingProxy() {
    assertThat(cloud.function("MapFunction").environment().get("AWS_ENDPOINT_URL_DYNAMODB"))
        .isNotEqualTo(cloud.dynamoDbEndpoint().toString());
  }
}
