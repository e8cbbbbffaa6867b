package dev.kinora.moderation.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.moderation.ModerationApi;
import dev.kinora.moderation.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/moderation.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its DynamoDB client
 * and answers an anonymous queue request with 401 from the contract alone, without the network.
 * Arguments: the jar, and {@code events/moderation-queue-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "MODERATION_TABLE", "moderation",
                "VIDEOS_TABLE", "videos",
                "COMMENTS_TABLE", "comments",
                "RATE_LIMITS_TABLE", "rate-limits",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    var api = ModerationApi.using(Wiring.from(config));
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse response = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    var body = Json.mapper().readTree(response.getBody());
    var issues = Contract.load().validate("ErrorEnvelope", body);
    if (response.getStatusCode() != 401
        || !issues.isEmpty()
        || !"UNAUTHORIZED".equals(body.at("/error/code").asText())) {
      throw new IllegalStateException(
          "Expected 401 UNAUTHORIZED, got " + response.getStatusCode() + " " + body + issues);
    }
    System.out.printf(
        "moderation.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
