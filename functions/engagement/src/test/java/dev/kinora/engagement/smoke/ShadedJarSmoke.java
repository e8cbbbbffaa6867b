package dev.kinora.engagement.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.engagement.EngagementApi;
import dev.kinora.engagement.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/engagement.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its DynamoDB client
 * and answers a malformed id from the contract alone, without touching the network. Arguments: the
 * jar, and {@code events/engagement-comments-malformed-id.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "VIDEOS_TABLE", "videos",
                "ENGAGEMENT_TABLE", "engagement",
                "COMMENTS_TABLE", "comments",
                "ACCOUNTS_TABLE", "accounts",
                "RATE_LIMITS_TABLE", "rate-limits",
                "NOTIFICATIONS_TABLE", "notifications",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    var api = EngagementApi.using(Wiring.from(config));
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse response = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    var body = Json.mapper().readTree(response.getBody());
    var issues = Contract.load().validate("ErrorEnvelope", body);
    if (response.getStatusCode() != 400
        || !issues.isEmpty()
        || !"/videoId".equals(body.at("/error/details/issues/0/path").asText())) {
      throw new IllegalStateException(
          "Expected 400 at /videoId, got " + response.getStatusCode() + " " + body + issues);
    }
    System.out.printf(
        "engagement.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
