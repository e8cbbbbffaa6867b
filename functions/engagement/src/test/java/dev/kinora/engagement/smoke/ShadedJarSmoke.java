package dev.kinora.engagement.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.engagement.EngagementApi;
import dev.kinora.engagement.Wiring;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.util.Map;

/**
 * Run by the build against {@code target/engagement.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB client and answers a malformed id from the contract alone, without touching the
 * network. Arguments: the jar, and {@code events/engagement-comments-malformed-id.json}.
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
                    "ENGAGEMENT_TABLE", "engagement",
                    "COMMENTS_TABLE", "comments",
                    "ACCOUNTS_TABLE", "accounts",
                    "RATE_LIMITS_TABLE", "rate-limits",
                    "NOTIFICATIONS_TABLE", "notifications")));
    var api = EngagementApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectIssueAt(response, "/videoId");
    smoke.passed();
  }
}
