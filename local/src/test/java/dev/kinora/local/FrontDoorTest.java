package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.KinoraCloud;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class FrontDoorTest {
  private final LocalCloud cloud;

  FrontDoorTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void mediaPathServesRangeRequests() throws Exception {
    String bucket = cloud.physicalName(LocalCloud.MEDIA_BUCKET);
    cloud
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("media/v1/master.m3u8"), RequestBody.fromString("#EXTM3U\n"));
    cloud
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("media/v1/720p/seg0.ts"),
            RequestBody.fromString("0123456789"));

    HttpResponse<String> playlist = get("/media/v1/master.m3u8", null);
    HttpResponse<String> range = get("/media/v1/720p/seg0.ts", "bytes=2-5");
    HttpResponse<String> head =
        cloud
            .httpClient()
            .send(
                HttpRequest.newBuilder(cloud.url("/media/v1/720p/seg0.ts"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> missing = get("/media/v1/nope.ts", null);

    assertThat(playlist.statusCode()).isEqualTo(200);
    assertThat(playlist.headers().firstValue("content-type"))
        .hasValue("application/vnd.apple.mpegurl");
    assertThat(playlist.body()).isEqualTo("#EXTM3U\n");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo("2345");
    assertThat(range.headers().firstValue("content-range")).hasValue("bytes 2-5/10");
    assertThat(range.headers().firstValue("content-type")).hasValue("video/mp2t");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("content-length")).hasValue("10");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void spaFallbackServesIndexForClientRoutes() throws Exception {
    HttpResponse<String> root = get("/", null);
    HttpResponse<String> clientRoute = get("/watch/abc123", null);
    HttpResponse<String> asset = get("/assets/app.js", null);
    HttpResponse<String> missingAsset = get("/assets/missing.js", null);

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("kinora-test-spa");
    assertThat(clientRoute.statusCode()).isEqualTo(200);
    assertThat(clientRoute.body()).isEqualTo(root.body());
    assertThat(clientRoute.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.body()).contains("kinora test spa");
    assertThat(asset.headers().firstValue("cache-control").orElse("")).contains("immutable");
    assertThat(missingAsset.statusCode()).isEqualTo(404);
  }

  @Test
  void adminEndpointExplainsAnUnknownTrigger() throws Exception {
    HttpResponse<String> response =
        cloud
            .httpClient()
            .send(
                HttpRequest.newBuilder(cloud.url("/_kinora/trigger/MapFunction"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("no schedule registered");
  }

  @Test
  void aClientStillSendingALargeBodyAlwaysReceivesTheRefusal() throws Exception {
    String largeBody = "{\"text\":\"" + "a".repeat(800_000) + "\"}";
    List<String> answers = new ArrayList<>();
    for (String path : List.of("/api/v1/videos/%C0%AF/views", "/api/v1/no-such-route")) {
      for (int attempt = 0; attempt < 25; attempt++) {
        try {
          answers.add(path + " " + post(path, largeBody).statusCode());
        } catch (IOException lost) {
          answers.add(path + " lost: " + lost.getMessage());
        }
      }
    }

    assertThat(answers)
        .allMatch(answer -> answer.endsWith(" 400") || answer.endsWith(" 404"), "answered");
  }

  @Test
  void malformedRequestUrisAreStillRefusedBeforeAnyRouteRuns() throws Exception {
    for (String segment : List.of("%C0%AF", "%2F", "%00", "%ED%A0%80", "%2e%2e")) {
      // A new connection each: Jetty closes the one of a request line it could not parse (%00).
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(cloud.url("/api/v1/videos/" + segment + "/views"))
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).as(segment).isEqualTo(400);
      assertThat(refused.headers().firstValue("content-type").orElse(""))
          .as(segment)
          .startsWith("text/html");
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return cloud
        .httpClient()
        .send(
            HttpRequest.newBuilder(cloud.url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(cloud.url(path));
    if (range != null) {
      request.header("Range", range);
    }
    return cloud.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
