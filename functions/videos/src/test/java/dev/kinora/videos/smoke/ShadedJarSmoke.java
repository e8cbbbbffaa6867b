package dev.kinora.videos.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.videos.VideosApi;
import dev.kinora.videos.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/videos.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its DynamoDB client
 * and answers a malformed id from the contract alone, without touching the network. Arguments: the
 * jar, and {@code events/videos-get-malformed-id.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.ofEntries(
                Map.entry("VIDEOS_TABLE", "videos"),
                Map.entry("ACCOUNTS_TABLE", "accounts"),
                Map.entry("WATCH_PROGRESS_TABLE", "progress"),
                Map.entry("VIEW_MARKERS_TABLE", "markers"),
                Map.entry("DISCOVERY_TABLE", "discovery"),
                Map.entry("ENGAGEMENT_TABLE", "engagement"),
                Map.entry("MEDIA_BUCKET", "media"),
                Map.entry("RAW_BUCKET", "raw"),
                Map.entry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"),
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "smoke"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "smoke"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9")));
    var api = VideosApi.using(Wiring.from(config));
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
        "videos.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
