package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading videos end to end: the repository's template.yaml in the local cloud, rows written into
 * VideosTable with the SDK the way uploads and transcode write them, requests through the front
 * door and the optional-session authorizer, with and without a session.
 */
@KinoraCloud
class VideosCloudTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String POSTER_TOKEN = "TWFkZSBwcml2YXRlIGxhdG";

  private final LocalCloud cloud;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  VideosCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  /** A signed-up user: the session cookie and the ids the rows need. */
  private record User(String cookie, String userId, String channelId) {}

  private record Reply(int status, JsonNode body) {
    String code() {
      return body.at("/error/code").asText();
    }
  }

  /** Signs up through the front door from its own loopback address (per-IP sign-up limit). */
  private User signUp() {
    Visitor browser = Visitor.signedUp(cloud);
    return new User(browser.sessionCookie(), browser.userId(), browser.channelId());
  }

  /** GET a video; {@code cookie} null sends no Cookie header at all. */
  private Reply getVideo(String videoId, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/videos/" + videoId)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = send(request);
    return new Reply(response.statusCode(), read(response.body()));
  }

  private static String newVideoId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 11 characters
  }

  /** Writes a row as the pipeline leaves it: uploads creates it, transcode finishes it. */
  private String putVideo(User owner, String visibility, String status) {
    String id = newVideoId();
    var item = new HashMap<String, AttributeValue>();
    item.put("id", s(id));
    item.put("ownerId", s(owner.userId()));
    item.put("channelId", s(owner.channelId()));
    item.put("title", s("Lathe basics"));
    item.put("description", s(""));
    item.put("tags", AttributeValue.fromL(List.of(s("woodwork"), s("lathe"))));
    item.put("categories", AttributeValue.fromL(List.of()));
    item.put("visibility", s(visibility));
    item.put("status", s(status));
    item.put("uploadId", s("upload-" + id));
    item.put("sourceKey", s("raw/" + id + "/source"));
    item.put("createdAt", s("2026-11-25T12:00:00Z"));
    item.put("updatedAt", s("2026-11-25T12:05:00Z"));
    switch (status) {
      case "ready" -> {
        item.put("durationSeconds", AttributeValue.fromN("12.48"));
        item.put("width", AttributeValue.fromN("1280"));
        item.put("height", AttributeValue.fromN("720"));
        item.put("resolutions", AttributeValue.fromL(List.of(s("720p"), s("480p"), s("360p"))));
        item.put("thumbnailUrl", s("/media/" + id + "/poster-" + POSTER_TOKEN + ".jpg"));
        item.put("playlistUrl", s("/media/" + id + "/master.m3u8"));
        item.put("storyboardUrl", s("/media/" + id + "/storyboard.jpg"));
        item.put("viewCount", AttributeValue.fromN("7"));
        item.put("likeCount", AttributeValue.fromN("2"));
        item.put("publishedAt", s("2026-11-25T12:05:00Z"));
      }
      case "failed", "blocked" -> item.put("failureReason", s("Reason for " + status));
      default -> {}
    }
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
    return id;
  }

  @Test
  void theOwnerSeesEveryStateAndOthersOnlyReadyPublicOrUnlistedVideos() {
    User owner = signUp();
    User other = signUp();
    Map<String, String> videos = new HashMap<>();
    for (String visibility : List.of("public", "unlisted", "private")) {
      for (String status : List.of("uploading", "processing", "ready", "failed", "blocked")) {
        videos.put(visibility + "/" + status, putVideo(owner, visibility, status));
      }
    }

    videos.forEach(
        (kind, id) -> {
          boolean forEveryone = kind.equals("public/ready") || kind.equals("unlisted/ready");
          Reply asOwner = getVideo(id, owner.cookie());
          assertThat(asOwner.status()).as("owner, %s", kind).isEqualTo(200);
          assertThat(asOwner.body().at("/data/status").asText()).isEqualTo(kind.split("/")[1]);
          for (var caller : Map.of("another user", other.cookie(), "no cookie", "").entrySet()) {
            Reply reply = getVideo(id, caller.getValue().isEmpty() ? null : caller.getValue());
            assertThat(reply.status())
                .as("%s, %s", caller.getKey(), kind)
                .isEqualTo(forEveryone ? 200 : 404);
            if (!forEveryone) {
              assertThat(reply.code()).isEqualTo("VIDEO_NOT_FOUND");
            }
          }
        });
  }

  @Test
  void aReadyVideoIsAnsweredWithEveryPublicAttributeInTheContractShape() {
    User owner = signUp();
    String id = putVideo(owner, "public", "ready");

    Reply reply = getVideo(id, "theme=dark");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(Contract.load().validate("VideoResponse", reply.body())).isEmpty();
    JsonNode video = reply.body().path("data");
    assertThat(video.path("id").asText()).isEqualTo(id);
    assertThat(video.path("channelId").asText()).isEqualTo(owner.channelId());
    assertThat(video.path("title").asText()).isEqualTo("Lathe basics");
    assertThat(video.path("description").asText()).isEmpty();
    assertThat(video.path("tags").toString()).isEqualTo("[\"woodwork\",\"lathe\"]");
    assertThat(video.path("categories").size()).isZero();
    assertThat(video.path("durationSeconds").asDouble()).isEqualTo(12.48);
    assertThat(video.path("resolutions").toString()).isEqualTo("[\"720p\",\"480p\",\"360p\"]");
    assertThat(video.path("thumbnailUrl").asText())
        .isEqualTo("/media/" + id + "/poster-" + POSTER_TOKEN + ".jpg");
    assertThat(video.path("viewCount").asLong()).isEqualTo(7);
    assertThat(video.path("likeCount").asLong()).isEqualTo(2);
    assertThat(video.path("dislikeCount").asLong()).as("absent counter").isZero();
    assertThat(video.path("publishedAt").asText()).isEqualTo("2026-11-25T12:05:00Z");
    assertThat(video.path("createdAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(video.has("ownerId")).isFalse();
    assertThat(video.has("failureReason")).isFalse();
  }

  @Test
  void theOwnerReadsWhyTheirVideoWasBlocked() {
    User owner = signUp();
    String id = putVideo(owner, "public", "blocked");

    Reply reply = getVideo(id, owner.cookie());

    assertThat(Contract.load().validate("VideoResponse", reply.body())).isEmpty();
    assertThat(reply.body().at("/data/failureReason").asText()).isEqualTo("Reason for blocked");
  }

  @Test
  void aMalformedIdIsAValidationErrorAndAnUnknownOneNotFound() {
    Reply malformed = getVideo("bad.id.here", null);
    Reply unknown = getVideo(newVideoId(), null);

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(malformed.body().at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("VIDEO_NOT_FOUND");
  }

  private URI uri(String path) {
    return URI.create(cloud.url(path).toString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return body.isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
