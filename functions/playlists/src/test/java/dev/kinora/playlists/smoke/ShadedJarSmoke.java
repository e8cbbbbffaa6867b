package dev.kinora.playlists.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.playlists.PlaylistsApi;
import dev.kinora.playlists.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.util.Map;

/**
 * Run by the build against {@code target/playlists.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB client, the shared card reader and its limits, and answers a bad page size from the
 * contract alone, without touching the network. Arguments: the jar, and {@code
 * events/playlists-channel-bad-limit.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "PLAYLISTS_TABLE", "playlists",
                    "VIDEOS_TABLE", "videos",
                    "ACCOUNTS_TABLE", "accounts")));
    var api = PlaylistsApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectIssueAt(response, "/limit");
    smoke.passed();
  }
}
