package dev.kinora.accounts.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.accounts.AccountsApi;
import dev.kinora.accounts.AuthorizerHandler;
import dev.kinora.accounts.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/accounts.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds both handlers with their DynamoDB
 * client and password hasher, and answers without touching the network (anonymous requests need no
 * table). Arguments: the jar, and {@code events/accounts-me-anonymous.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "ACCOUNTS_TABLE", "accounts",
                "SESSIONS_TABLE", "sessions",
                "RATE_LIMITS_TABLE", "rate-limits",
                "MEDIA_BUCKET", "media",
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    var api = AccountsApi.using(Wiring.from(config));
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse me = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    var issues = Contract.load().validate("ErrorEnvelope", Json.mapper().readTree(me.getBody()));
    if (me.getStatusCode() != 401 || !issues.isEmpty()) {
      throw new IllegalStateException(
          "Expected 401 ErrorEnvelope, got " + me.getStatusCode() + issues);
    }

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
    System.out.printf(
        "accounts.jar smoke test passed: %d bytes; handler construction to first response %d ms%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000);
  }
}
