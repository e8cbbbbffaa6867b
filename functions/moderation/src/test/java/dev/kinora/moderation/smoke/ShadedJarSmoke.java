package dev.kinora.moderation.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.moderation.ModerationApi;
import dev.kinora.moderation.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.util.Map;

/**
 * Run by the build against {@code target/moderation.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB client and answers an anonymous queue request with 401 from the contract alone,
 * without the network. Arguments: the jar, and {@code events/moderation-queue-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "MODERATION_TABLE", "moderation",
                    "VIDEOS_TABLE", "videos",
                    "COMMENTS_TABLE", "comments",
                    "RATE_LIMITS_TABLE", "rate-limits")));
    var api = ModerationApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectError(response, 401, "UNAUTHORIZED");
    smoke.passed();
  }
}
