package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.handlers.CrashingHandler;
import dev.kinora.local.testing.KinoraCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalCloud cloud;

  HttpApiTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void httpRouteReachesHandlerThatRoundTripsDynamoDb() throws Exception {
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(cloud.url("/api/test/notes/n-1?owner=ada"))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"first note\"}")));
    assertThat(put.statusCode()).isEqualTo(201);

    var stored =
        cloud
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(cloud.physicalName("NotesTable"))
                        .key(
                            Map.of(
                                "pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "n-1"))));
    assertThat(stored.item().get("owner").s()).isEqualTo("ada");

    HttpResponse<String> get = send(HttpRequest.newBuilder(cloud.url("/api/test/notes/n-1")));
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(JSON.readTree(get.body()).get("text").asText()).isEqualTo("first note");
  }

  @Test
  void eachFunctionSeesOnlyItsOwnEnvironment() throws Exception {
    JsonNode a = JSON.readTree(send(HttpRequest.newBuilder(cloud.url("/api/test/env/a"))).body());
    JsonNode b = JSON.readTree(send(HttpRequest.newBuilder(cloud.url("/api/test/env/b"))).body());

    assertThat(a.at("/env/ONLY_FOR_A").asText()).isEqualTo("alpha");
    assertThat(a.at("/env/ONLY_FOR_B").isMissingNode()).isTrue();
    assertThat(b.at("/env/ONLY_FOR_B").asText()).isEqualTo("beta");
    assertThat(b.at("/env/ONLY_FOR_A").isMissingNode()).isTrue();
    assertThat(a.at("/env/STAGE").asText()).as("Globals merged").isEqualTo("test");
    assertThat(a.at("/env/QUEUE_URL").asText())
        .isEqualTo(cloud.queueUrl("WorkQueue"))
        .endsWith("/000000000000/kinora-local-workqueue");
    assertThat(a.at("/env/DLQ_ARN").asText())
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:kinora-local-work-dlq");
    assertThat(a.at("/env/MEDIA_BUCKET").asText()).isEqualTo("kinora-local-media");
    assertThat(a.at("/env/AWS_LAMBDA_FUNCTION_NAME").asText())
        .isEqualTo("kinora-local-envafunction");
    assertThat(b.at("/env/AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("1024");
    assertThat(a.at("/env/AWS_ENDPOINT_URL_S3").asText()).isEqualTo(cloud.s3Endpoint().toString());
    assertThat(a.at("/env/KINORA_LOCAL").asText()).isEqualTo("true");
    assertThat(b.get("memory").asInt()).isEqualTo(1024);
    assertThat(a.get("remainingMillis").asInt()).isBetween(1, 10_000);
  }

  @Test
  void requestArrivesAsPayloadFormatTwoEvent() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(cloud.url("/api/test/files/a/b%20c.txt?x=1&x=2&y=%C3%A9"))
                .header("cookie", "session=abc; theme=dark")
                .header("x-custom", "one")
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2})));
    JsonNode seen = JSON.readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seen.get("routeKey").asText()).isEqualTo("ANY /api/test/files/{proxy+}");
    assertThat(seen.get("rawPath").asText()).isEqualTo("/api/test/files/a/b%20c.txt");
    assertThat(seen.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=%C3%A9");
    assertThat(seen.at("/queryStringParameters/x").asText()).isEqualTo("1,2");
    assertThat(seen.at("/queryStringParameters/y").asText()).isEqualTo("é");
    assertThat(seen.at("/pathParameters/proxy").asText()).isEqualTo("a/b c.txt");
    assertThat(seen.get("cookies"))
        .extracting(JsonNode::asText)
        .containsExactly("session=abc", "theme=dark");
    assertThat(seen.at("/headers/x-custom").asText()).isEqualTo("one");
    assertThat(seen.at("/headers/cookie").isMissingNode()).isTrue();
    assertThat(seen.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(seen.get("body").asText()).isEqualTo("AAEC");
    assertThat(seen.get("method").asText()).isEqualTo("POST");
    assertThat(seen.get("stage").asText()).isEqualTo("$default");
    assertThat(response.headers().allValues("set-cookie"))
        .containsExactly("seen=yes; Path=/", "flavour=local; Path=/");
    assertThat(response.headers().firstValue("x-handled-by")).hasValue("kinora-local-envbfunction");
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
  }

  @Test
  void unmatchedApiRouteAnswersApiGatewayNotFound() throws Exception {
    HttpResponse<String> unknownPath = send(HttpRequest.newBuilder(cloud.url("/api/test/nothing")));
    HttpResponse<String> wrongMethod =
        send(HttpRequest.newBuilder(cloud.url("/api/test/env/a")).DELETE());

    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(unknownPath.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(wrongMethod.statusCode()).isEqualTo(404);
  }

  @Test
  void handlerCrashAnswersInternalServerErrorWithoutDetails() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(cloud.url("/api/test/crash")));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(response.body()).doesNotContain(CrashingHandler.SECRET, "IllegalStateException");
  }

  @Test
  void handlerPastItsTimeoutAnswersInternalServerError() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = send(HttpRequest.newBuilder(cloud.url("/api/test/slow")));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(millis).as("Timeout is 1 s, the handler sleeps 5 s").isLessThan(4_000);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return cloud.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
