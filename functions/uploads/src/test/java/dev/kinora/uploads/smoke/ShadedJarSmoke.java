package dev.kinora.uploads.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.uploads.UploadsApi;
import dev.kinora.uploads.Wiring;
import java.util.Map;

/**
 * Run by the build against {@code target/uploads.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the handler with
 * its DynamoDB and S3 clients and the S3 presigner, and answers an anonymous request without
 * touching the network. Arguments: the jar, and {@code events/uploads-get-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "UPLOADS_TABLE", "uploads",
                    "VIDEOS_TABLE", "videos",
                    "RAW_BUCKET", "raw",
                    "RATE_LIMITS_TABLE", "rate-limits",
                    "AWS_ENDPOINT_URL_S3", JarSmoke.CLOSED_PORT)));
    var api = UploadsApi.using(Wiring.from(config));
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expect(response, 401, "ErrorEnvelope");
    smoke.passed();
  }
}
