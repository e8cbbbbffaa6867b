package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.runtime.InvocationResult;
import dev.kinora.local.testing.KinoraCloud;
import org.junit.jupiter.api.Test;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class FunctionRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pojoHandlerTakesAndReturnsJsonLikeLambda(LocalCloud cloud) throws Exception {
    InvocationResult result = cloud.invoke("MapFunction", "{\"name\":\"Ada\"}");

    assertThat(result).isInstanceOf(InvocationResult.Success.class);
    var output = JSON.readTree(result.payload());
    assertThat(output.get("greeting").asText()).isEqualTo("hello Ada");
    assertThat(output.get("requestId").asText()).isEqualTo(result.requestId());
  }

  @Test
  void handlerExceptionBecomesLambdaErrorResult(LocalCloud cloud) throws Exception {
    InvocationResult result = cloud.invoke("MapFunction", "{\"fail\":\"on purpose\"}");

    assertThat(result).isInstanceOf(InvocationResult.Failure.class);
    var error = JSON.readTree(result.payload());
    assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.get("errorMessage").asText()).isEqualTo("asked to fail: on purpose");
  }

  @Test
  void streamHandlerGetsTheRawEventBytes(LocalCloud cloud) {
    InvocationResult result = cloud.invoke("StreamFunction", "{\"say\":\"hi\"}");

    assertThat(result.payload()).isEqualTo("{\"SAY\":\"HI\"}");
  }

  @Test
  void timedOutInvocationFailsAsSandboxTimeout(LocalCloud cloud) {
    InvocationResult result = cloud.invoke("SlowFunction", "{}");

    assertThat(result)
        .isInstanceOfSatisfying(
            InvocationResult.Failure.class,
            failure -> {
              assertThat(failure.timedOut()).isTrue();
              assertThat(failure.errorMessage()).contains("Task timed out after 1.00 seconds");
            });
  }

  @Test
  void aColdStartsInitDoesNotCountAgainstTheFunctionsTimeout(LocalCloud cloud) {
    InvocationResult result = cloud.invoke("SlowInitFunction", "{}");

    assertThat(result).isInstanceOf(InvocationResult.Success.class);
    assertThat(result.payload()).isEqualTo("\"ready\"");
  }

  @Test
  void functionsDoNotShareClassesOrStatics(LocalCloud cloud) throws Exception {
    cloud.invoke("EnvAFunction", "{}");
    cloud.invoke("EnvBFunction", "{}");

    assertThat(cloud.function("EnvAFunction").warm()).isTrue();
    assertThat(cloud.function("EnvAFunction").environment())
        .containsEntry("ONLY_FOR_A", "alpha")
        .doesNotContainKey("ONLY_FOR_B");
  }
}
