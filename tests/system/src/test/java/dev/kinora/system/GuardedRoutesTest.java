package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route the contract does not mark public refuses a caller without a session, whichever
 * function serves it. It lives here, after every function module, because the local cloud needs
 * every context's handler on the classpath to answer every route.
 */
@KinoraCloud
class GuardedRoutesTest {
  private final LocalCloud cloud;
  private final HttpClient client = HttpClient.newHttpClient();

  GuardedRoutesTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void everyNonPublicRouteInTheContractAnswers401WithoutASession() throws Exception {
    Contract contract = Contract.load();
    List<String> guarded =
        contract.operations().stream()
            .filter(operation -> !contract.publicOperations().contains(operation))
            .toList();
    assertThat(guarded).isNotEmpty();

    for (String operation : guarded) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
      String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

      // A browser with other cookies but no session reaches the handler: the contract's envelope.
      HttpResponse<String> withoutSession = send(method, path, body, "theme=dark");
      assertThat(withoutSession.statusCode()).as(operation).isEqualTo(401);
      JsonNode envelope = Json.mapper().readTree(withoutSession.body());
      assertThat(envelope.at("/error/code").asText()).as(operation).isEqualTo("UNAUTHORIZED");

      // No Cookie header at all: API Gateway itself refuses (the identity source is missing).
      HttpResponse<String> withoutCookies = send(method, path, body, null);
      assertThat(withoutCookies.statusCode()).as(operation + " without cookies").isEqualTo(401);
    }
  }

  private HttpResponse<String> send(String method, String path, String json, String cookie)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(cloud.url(path))
            .timeout(Duration.ofSeconds(60))
            .header("X-Requested-With", "kinora")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
