package dev.kinora.platform.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.platform.PlatformApi;
import dev.kinora.shared.contract.Contract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Run by the build against {@code target/platform.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar still has every class the
 * handler and the runtime need (Jackson, the validator, the contract resources, joda-time for the
 * runtime), and prints the jar size and a cold-start figure.
 *
 * <p>Arguments: the jar, and a sample API Gateway event of {@code GET /api/v1/health}. It lives in
 * its own package so that {@code dev.kinora.platform} is defined by the jar, with its manifest.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    var api = new PlatformApi();
    var health =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));

    String version = smoke.expect(health, 200, "HealthResponse").at("/data/version").asText();
    if (version.equals("dev")) {
      throw new IllegalStateException("platform.jar's manifest has no Implementation-Version");
    }
    smoke.expect(api.handleRequest(get("/api/v1/config"), null), 200, "ClientConfigResponse");
    smoke.expect(api.handleRequest(get("/api/v1/nope"), null), 404, "ErrorEnvelope");

    long sinceJvmStart =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(started -> Duration.between(started, Instant.now()).toMillis())
            .orElse(-1L);
    System.out.printf(
        "platform.jar %s smoke test passed: %d bytes; handler construction to first response %d ms;"
            + " process start to end of smoke test %d ms%n",
        version, smoke.jarBytes(), smoke.millisToFirstResponse(), sinceJvmStart);
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
