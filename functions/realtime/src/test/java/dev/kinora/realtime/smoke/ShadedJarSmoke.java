package dev.kinora.realtime.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.realtime.RealtimeApi;
import dev.kinora.realtime.Wiring;
import dev.kinora.shared.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/realtime.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the handler with its clients and
 * refuses an anonymous {@code $connect} without touching the network. Arguments: the jar, and
 * {@code events/realtime-connect-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "CONNECTIONS_TABLE", "connections",
                "VIDEOS_TABLE", "videos",
                "SESSIONS_TABLE", "sessions",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    var api = RealtimeApi.using(Wiring.from(config));
    APIGatewayV2WebSocketEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2WebSocketEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    var response = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    if (response.getStatusCode() != 401) {
      throw new IllegalStateException("Expected 401, got " + response.getStatusCode());
    }
    System.out.printf(
        "realtime.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
