package dev.kinora.playlists.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.playlists.PlaylistsApi;
import dev.kinora.playlists.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/playlists.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its DynamoDB
 * client, the shared card reader and its limits, and answers a bad page size from the contract
 * alone, without touching the network. Arguments: the jar, and {@code
 * events/playlists-channel-bad-limit.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "PLAYLISTS_TABLE", "playlists",
                "VIDEOS_TABLE", "videos",
                "ACCOUNTS_TABLE", "accounts",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    var api = PlaylistsApi.using(Wiring.from(config));
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
        || !"/limit".equals(body.at("/error/details/issues/0/path").asText())) {
      throw new IllegalStateException(
          "Expected 400 at /limit, got " + response.getStatusCode() + " " + body + issues);
    }
    System.out.printf(
        "playlists.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
