package dev.kinora.uploads.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.uploads.UploadsApi;
import dev.kinora.uploads.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/uploads.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its DynamoDB and S3
 * clients and the S3 presigner, and answers an anonymous request without touching the network.
 * Arguments: the jar, and {@code events/uploads-get-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "UPLOADS_TABLE", "uploads",
                "VIDEOS_TABLE", "videos",
                "RAW_BUCKET", "raw",
                "RATE_LIMITS_TABLE", "rate-limits",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
    var api = UploadsApi.using(Wiring.from(config));
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse response = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    var issues =
        Contract.load().validate("ErrorEnvelope", Json.mapper().readTree(response.getBody()));
    if (response.getStatusCode() != 401 || !issues.isEmpty()) {
      throw new IllegalStateException(
          "Expected 401 ErrorEnvelope, got " + response.getStatusCode() + issues);
    }
    System.out.printf(
        "uploads.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
