package dev.kinora.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.demo.DemoSeeder;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kinora up --demo}'s seeder against the real stack: two clips (one public, one private)
 * go through sign-up, avatar upload, multipart upload, the ffmpeg transcode and engagement; a
 * second run finds everything and creates nothing. The catalog is cut to two videos to keep CI
 * short; the full one runs with {@code ./kinora up --demo}.
 */
@KinoraCloud
class DemoSeedCloudTest {
  private static final int VIDEOS = 2;

  @Test
  void seedingTwiceCreatesEverythingOnceAndTheSecondRunOnlyFindsIt(
      LocalCloud cloud, @TempDir Path state) throws Exception {
    var log = new ByteArrayOutputStream();
    DemoSeeder seeder =
        DemoSeeder.builder()
            .base(cloud.frontDoorUrl())
            .root(root())
            .stateDir(state)
            .videoLimit(VIDEOS)
            .out(new PrintStream(log, true, StandardCharsets.UTF_8))
            .build();

    DemoSeeder.Summary first = seeder.seed();

    assertThat(first.created())
        .containsEntry("channels", 4)
        .containsEntry("avatars", 4)
        .containsEntry("videos", 2)
        .containsEntry("likes", 1)
        .containsEntry("comments", 1)
        .containsEntry("replies", 1)
        .containsEntry("views", 3);
    assertThat(first.alreadyThere()).doesNotContainKeys("channels", "videos", "likes");
    assertThat(first.subscriptionsSkipped() || first.created("subscriptions") > 0)
        .as("subscriptions are made, or skipped with a log line while the API is missing")
        .isTrue();
    if (first.subscriptionsSkipped()) {
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("subscriptions skipped");
    }

    DemoSeeder.Summary second = seeder.seed();

    assertThat(second.created().values()).as("nothing is created twice").allMatch(n -> n == 0);
    assertThat(second.alreadyThere())
        .containsEntry("channels", 4)
        .containsEntry("avatars", 4)
        .containsEntry("videos", 2)
        .containsEntry("likes", 1)
        .containsEntry("comments", 1)
        .containsEntry("replies", 1)
        .containsEntry("views", 3);

    Map<String, String> seeded = seededVideos(state);
    assertThat(seeded).hasSize(VIDEOS);
    String privateId = seeded.get("tiny-worlds/Draft: next week's world (private)");
    String publicId = seeded.get("studio-ada/Tiny test card");
    HttpClient anonymous = HttpClient.newHttpClient();
    assertThat(get(anonymous, cloud, "/api/v1/videos/" + publicId).statusCode()).isEqualTo(200);
    assertThat(get(anonymous, cloud, "/api/v1/videos/" + privateId).statusCode())
        .as("the private demo video stays hidden from everyone but its owner")
        .isEqualTo(404);
    assertThat(get(anonymous, cloud, "/api/v1/videos/" + publicId).body())
        .contains(
            "\"status\":\"ready\"", "\"viewCount\":3", "\"likeCount\":1", "\"commentCount\":2");
  }

  private static HttpResponse<String> get(HttpClient client, LocalCloud cloud, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(cloud.url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> seededVideos(Path state) throws Exception {
    var ids = new LinkedHashMap<String, String>();
    Json.mapper()
        .readTree(Files.readString(state.resolve("seeded.json")))
        .properties()
        .forEach(entry -> ids.put(entry.getKey(), entry.getValue().asText()));
    return ids;
  }

  private static Path root() {
    return Path.of(System.getProperty("kinora.root", "../..")).toAbsolutePath().normalize();
  }
}
