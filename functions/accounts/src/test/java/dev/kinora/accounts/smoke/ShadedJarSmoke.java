package dev.kinora.accounts.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.accounts.AccountsApi;
import dev.kinora.accounts.AuthorizerHandler;
import dev.kinora.accounts.Wiring;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Run by the build against {@code target/accounts.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds both handlers with
 * their DynamoDB client and password hasher, and answers without touching the network (anonymous
 * requests need no table). Arguments: the jar, and {@code events/accounts-me-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "ACCOUNTS_TABLE", "accounts",
                    "SESSIONS_TABLE", "sessions",
                    "RATE_LIMITS_TABLE", "rate-limits",
                    "MEDIA_BUCKET", "media",
                    "AWS_ENDPOINT_URL_S3", JarSmoke.CLOSED_PORT)));
    var api = AccountsApi.using(Wiring.from(config));
    var me =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expect(me, 401, "ErrorEnvelope");

    var authorizer = AuthorizerHandler.using(Wiring.from(config));
    var out = new ByteArrayOutputStream();
    authorizer.handleRequest(
        new ByteArrayInputStream(
            "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"cookies\":[\"theme=dark\"]}"
                .getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    var answer = Json.mapper().readTree(out.toByteArray());
    if (!answer.path("isAuthorized").asBoolean()
        || !"none".equals(answer.at("/context/session").asText())) {
      throw new IllegalStateException("Unexpected authorizer answer " + answer);
    }
    smoke.passed();
  }
}
