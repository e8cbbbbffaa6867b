package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.testing.KinoraCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A Lambda REQUEST authorizer on the HTTP API, run as API Gateway runs it. */
@KinoraCloud(template = "classpath:http-authorizer/template.yaml")
class HttpApiAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalCloud cloud;

  HttpApiAuthorizerTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    var request = HttpRequest.newBuilder(cloud.url(path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return cloud.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String unique(String prefix) {
    return "token=" + prefix + "-" + UUID.randomUUID();
  }

  @Test
  void allowedRequestCarriesTheAuthorizerContextUnderAuthorizerLambda() throws Exception {
    HttpResponse<String> response = get("/api/test/private", unique("allow"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode lambda = JSON.readTree(response.body()).path("lambda");
    assertThat(lambda.path("user").asText()).isEqualTo("ada");
  }

  @Test
  void theAuthorizerReceivesThePayloadTwoRequestEvent() throws Exception {
    String cookie = unique("allow");
    JsonNode lambda = JSON.readTree(get("/api/test/private?x=1", cookie).body()).path("lambda");

    assertThat(lambda.path("version").asText()).isEqualTo("2.0");
    assertThat(lambda.path("type").asText()).isEqualTo("REQUEST");
    assertThat(lambda.path("routeKey").asText()).isEqualTo("GET /api/test/private");
    assertThat(lambda.path("routeArn").asText())
        .isEqualTo(
            "arn:aws:execute-api:us-east-1:000000000000:kinoralocal/$default/GET/api/test/private");
    assertThat(lambda.path("identitySource").asText()).isEqualTo("[" + cookie + "]");
    assertThat(lambda.path("hasRequestContext").asBoolean()).isTrue();
  }

  @Test
  void answersAreCachedPerIdentitySource() throws Exception {
    String cookie = unique("allow");
    int first = JSON.readTree(get("/api/test/private", cookie).body()).at("/lambda/call").asInt();
    int again = JSON.readTree(get("/api/test/private", cookie).body()).at("/lambda/call").asInt();
    int other =
        JSON.readTree(get("/api/test/private", unique("allow")).body()).at("/lambda/call").asInt();

    assertThat(again).as("cached: the authorizer was not called again").isEqualTo(first);
    assertThat(other).as("another cookie is another identity").isGreaterThan(first);
  }

  @Test
  void deniedRequestIsForbiddenWithApiGatewaysOwnBody() throws Exception {
    HttpResponse<String> response = get("/api/test/private", unique("deny"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  void requestWithoutTheIdentitySourceIsUnauthorizedWithoutCallingTheAuthorizer() throws Exception {
    HttpResponse<String> response = get("/api/test/private", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  void aFailingAuthorizerIsAnInternalServerError() throws Exception {
    HttpResponse<String> response = get("/api/test/private", "token=crash");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void aRouteWithAuthorizerNoneIsOpen() throws Exception {
    HttpResponse<String> response = get("/api/test/public", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("lambda").isEmpty()).isTrue();
  }
}
