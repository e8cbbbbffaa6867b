package dev.kinora.platform.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.platform.PlatformApi;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Run by the build against {@code target/platform.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar still has every class the handler and the
 * runtime need (Jackson, the validator, the contract resources, joda-time for the runtime), and
 * prints the jar size and a cold-start figure.
 *
 * <p>Arguments: the jar, and a sample API Gateway event of {@code GET /api/v1/health}. It lives in
 * its own package so that {@code dev.kinora.platform} is defined by the jar, with its manifest.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    var api = new PlatformApi();
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse health = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();

    expect(health, 200, "HealthResponse");
    String version = Json.mapper().readTree(health.getBody()).at("/data/version").asText();
    if (version.equals("dev")) {
      throw new IllegalStateException("platform.jar's manifest has no Implementation-Version");
    }
    expect(api.handleRequest(get("/api/v1/config"), null), 200, "ClientConfigResponse");
    expect(api.handleRequest(get("/api/v1/nope"), null), 404, "ErrorEnvelope");

    Path jar = Path.of(args[0]);
    long sinceJvmStart =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(started -> Duration.between(started, Instant.now()).toMillis())
            .orElse(-1L);
    System.out.printf(
        "platform.jar %s smoke test passed: %d bytes; handler construction to first response %d ms;"
            + " process start to end of smoke test %d ms%n",
        version, Files.size(jar), (firstResponse - start) / 1_000_000, sinceJvmStart);
  }

  private static void expect(APIGatewayV2HTTPResponse response, int status, String schema)
      throws Exception {
    var issues = Contract.load().validate(schema, Json.mapper().readTree(response.getBody()));
    if (response.getStatusCode() != status || !issues.isEmpty()) {
      throw new IllegalStateException(
          "Expected " + status + " " + schema + ", got " + response.getStatusCode() + " " + issues);
    }
  }

  private static APIGatewayV2HTTPEvent get(String path) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRawPath(path)
        .withHeaders(Map.of())
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("smoke")
                .withStage("$default")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("GET")
                        .withPath(path)
                        .build())
                .build())
        .build();
  }
}
