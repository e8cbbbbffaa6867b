package dev.kinora.realtime.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.realtime.RealtimeApi;
import dev.kinora.realtime.Wiring;
import dev.kinora.shared.config.Config;
import java.util.Map;

/**
 * Run by the build against {@code target/realtime.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its clients and refuses an anonymous {@code $connect} without touching the network. Arguments:
 * the jar, and {@code events/realtime-connect-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args);
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "CONNECTIONS_TABLE", "connections",
                    "VIDEOS_TABLE", "videos",
                    "SESSIONS_TABLE", "sessions")));
    var api = RealtimeApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2WebSocketEvent.class), null));
    if (response.getStatusCode() != 401) {
      throw new IllegalStateException("Expected 401, got " + response.getStatusCode());
    }
    smoke.passed();
  }
}
