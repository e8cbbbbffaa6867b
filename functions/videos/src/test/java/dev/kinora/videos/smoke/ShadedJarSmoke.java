package dev.kinora.videos.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.videos.VideosApi;
import dev.kinora.videos.Wiring;
import java.util.Map;

/**
 * Run by the build against {@code target/videos.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB client and answers a malformed id from the contract alone, without touching the
 * network. Arguments: the jar, and {@code events/videos-get-malformed-id.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "VIDEOS_TABLE", "videos",
                    "ACCOUNTS_TABLE", "accounts",
                    "WATCH_PROGRESS_TABLE", "progress",
                    "VIEW_MARKERS_TABLE", "markers",
                    "DISCOVERY_TABLE", "discovery",
                    "ENGAGEMENT_TABLE", "engagement",
                    "MEDIA_BUCKET", "media",
                    "RAW_BUCKET", "raw",
                    "AWS_ENDPOINT_URL_S3", JarSmoke.CLOSED_PORT)));
    var api = VideosApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectIssueAt(response, "/videoId");
    smoke.passed();
  }
}
