package dev.kinora.discovery.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.discovery.DiscoveryApi;
import dev.kinora.discovery.Wiring;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.util.Map;

/**
 * Run by the build against {@code target/discovery.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB client, the shared card reader and its limits, and answers a bad category from the
 * contract alone, without touching the network. Arguments: the jar, and {@code
 * events/discovery-trending-bad-category.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "DISCOVERY_TABLE", "discovery",
                    "VIDEOS_TABLE", "videos",
                    "ACCOUNTS_TABLE", "accounts",
                    "ENGAGEMENT_TABLE", "engagement",
                    "WATCH_PROGRESS_TABLE", "progress")));
    var api = DiscoveryApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectIssueAt(response, "/category");
    smoke.passed();
  }
}
