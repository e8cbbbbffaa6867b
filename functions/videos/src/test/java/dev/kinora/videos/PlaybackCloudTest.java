package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.engagement.RatingItems;
import dev.kinora.shared.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Playback end to end: the repository's template.yaml in the local cloud, browsers with their own
 * addresses and cookie jars, rows and media objects written the way uploads and transcode leave
 * them.
 */
@KinoraCloud
class PlaybackCloudTest {
  private static final Contract CONTRACT = Contract.load();

  private final LocalCloud cloud;

  PlaybackCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  // ------------------------------------------------------------------------ reading

  @Test
  void theWatchPageReadsTheChannelAndTheViewersOwnResumePosition() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor viewer = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);
    assertThat(progress(viewer, id, 42.5, 100).status()).isEqualTo(200);

    Visitor.Reply asViewer = viewer.get(video(id));
    Visitor.Reply asOwner = owner.get(video(id));

    assertThat(asViewer.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("VideoDetailResponse", asViewer.body())).isEmpty();
    assertThat(asViewer.data().at("/channel/id").asText()).isEqualTo(owner.channelId());
    assertThat(asViewer.data().at("/channel/handle").asText()).isEqualTo(owner.handle());
    assertThat(asViewer.data().at("/channel/name").asText()).isEqualTo("Name of " + owner.handle());
    assertThat(asViewer.data().at("/channel/subscriberCount").asLong()).isZero();
    assertThat(asViewer.data().at("/viewer/resumePosition").asDouble()).isEqualTo(42.5);
    assertThat(asViewer.data().at("/viewer/likeState").asText()).isEqualTo("none");
    assertThat(asViewer.data().at("/viewer/isOwner").asBoolean()).isFalse();
    assertThat(asOwner.data().at("/viewer/isOwner").asBoolean()).isTrue();
    assertThat(asOwner.data().path("viewer").has("resumePosition")).as("never watched").isFalse();
  }

  @Test
  void theWatchPageShowsTheViewersOwnRatingFromTheEngagementTable() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor viewer = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);
    // The item as the engagement context's rating transaction leaves it.
    Map<String, AttributeValue> rating = new HashMap<>(RatingItems.key(viewer.userId(), id));
    rating.put(RatingItems.VALUE, AttributeValue.fromS("dislike"));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("EngagementTable")).item(rating));

    assertThat(viewer.get(video(id)).data().at("/viewer/likeState").asText()).isEqualTo("dislike");
    assertThat(owner.get(video(id)).data().at("/viewer/likeState").asText()).isEqualTo("none");
    assertThat(new Visitor(cloud).get(video(id)).data().at("/viewer/likeState").asText())
        .isEqualTo("none");
  }

  @Test
  void aProcessingVideoWhoseFirstRungIsUpTellsItsOwnerWhatPlaysAlready() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);
    // As transcode leaves the row after publishing 360p early (the ladder still encoding).
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET #status = :processing, playableResolutions = :playable")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(
                        Map.of(
                            ":processing",
                            s("processing"),
                            ":playable",
                            AttributeValue.fromL(List.of(s("360p"))))));

    Visitor.Reply reply = owner.get(video(id));

    assertThat(CONTRACT.validate("VideoDetailResponse", reply.body())).isEmpty();
    assertThat(reply.data().path("status").asText()).isEqualTo("processing");
    assertThat(reply.data().path("playableResolutions").toString()).isEqualTo("[\"360p\"]");
    assertThat(reply.data().path("playlistUrl").asText())
        .isEqualTo("/media/" + id + "/master.m3u8");
    assertThat(Visitor.signedUp(cloud).get(video(id)).code())
        .as("still processing: nobody else sees it")
        .isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void anAnonymousViewerGetsAViewerCookieAndNoResumePosition() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor anonymous = new Visitor(cloud);
    String id = putVideo(owner, "public", 100);

    Visitor.Reply reply = anonymous.get(video(id));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("VideoDetailResponse", reply.body())).isEmpty();
    assertThat(reply.data().path("viewer").has("resumePosition")).isFalse();
    assertThat(anonymous.hasCookie("kinora_viewer")).isTrue();
    assertThat(reply.raw().headers().firstValue("set-cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("Path=/api/v1/videos");
  }

  @Test
  void aPrivateVideoIsNotFoundForEveryoneButItsOwnerOnEveryRoute() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    Visitor anonymous = new Visitor(cloud);
    String id = putVideo(owner, "private", 100);

    for (Visitor other : List.of(stranger, anonymous)) {
      assertNotFound(other.get(video(id)));
      assertNotFound(other.send("POST", video(id) + "/views", "{\"watchedSeconds\":60}"));
    }
    assertNotFound(progress(stranger, id, 10, 100));
    assertNotFound(stranger.send("PATCH", video(id), "{\"title\":\"Mine now\"}"));
    assertNotFound(stranger.send("DELETE", video(id), null));
    assertThat(owner.get(video(id)).status()).isEqualTo(200);
    assertThat(owner.get(video(id)).data().path("visibility").asText()).isEqualTo("private");
  }

  @Test
  void anUnlistedVideoIsReachableByIdButOnlyItsOwnerMayChangeIt() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String id = putVideo(owner, "unlisted", 100);

    assertThat(new Visitor(cloud).get(video(id)).status()).isEqualTo(200);
    assertThat(stranger.get(video(id)).status()).isEqualTo(200);
    Visitor.Reply edit = stranger.send("PATCH", video(id), "{\"title\":\"Mine now\"}");
    Visitor.Reply delete = stranger.send("DELETE", video(id), null);

    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.code()).isEqualTo("FORBIDDEN");
    assertThat(delete.status()).isEqualTo(403);
    assertThat(owner.get(video(id)).data().path("title").asText()).isEqualTo("Lathe basics");
  }

  @Test
  void aPrivateVideosMediaIsServedToItsOwnerOnlyAndAPublicOnesToEveryone() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String hidden = putVideo(owner, "private", 100);
    String open = putVideo(owner, "public", 100);
    for (String id : List.of(hidden, open)) {
      putMedia(id, "master.m3u8", "#EXTM3U\n");
      putMedia(id, "360p/index.m3u8", "#EXTM3U\n");
    }

    for (Visitor other : List.of(stranger, new Visitor(cloud))) {
      assertThat(other.get(media(hidden, "master.m3u8")).status()).isEqualTo(403);
      assertThat(other.get(media(hidden, "360p/index.m3u8")).status()).isEqualTo(403);
      assertThat(other.get(media(open, "master.m3u8")).status()).isEqualTo(200);
    }
    Visitor.Reply asOwner = owner.get(media(hidden, "master.m3u8"));
    assertThat(asOwner.status()).isEqualTo(200);
    assertThat(asOwner.raw().body()).startsWith("#EXTM3U");
    assertThat(asOwner.raw().headers().firstValue("content-type").orElseThrow())
        .isEqualTo("application/vnd.apple.mpegurl");
  }

  // ------------------------------------------------------------------------ owner's edit and
  // delete

  @Test
  void theOwnerEditsOnlyTheFieldsTheySend() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);

    Visitor.Reply reply =
        owner.send("PATCH", video(id), "{\"title\":\"Bowl turning\",\"visibility\":\"private\"}");

    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(CONTRACT.validate("VideoResponse", reply.body())).isEmpty();
    assertThat(reply.data().path("title").asText()).isEqualTo("Bowl turning");
    assertThat(reply.data().path("visibility").asText()).isEqualTo("private");
    assertThat(reply.data().path("tags").toString()).isEqualTo("[\"woodwork\",\"lathe\"]");
    assertNotFound(new Visitor(cloud).get(video(id)));
  }

  @Test
  void invalidBodiesAreValidationErrorsAtTheirPaths() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);

    assertValidation(owner.send("PATCH", video(id), "{}"), "");
    assertValidation(owner.send("PATCH", video(id), "{\"title\":\"\"}"), "/title");
    assertValidation(owner.send("PATCH", video(id), "{\"visibility\":\"secret\"}"), "/visibility");
    assertValidation(owner.send("PATCH", video(id), "{\"ownerId\":\"me\"}"), "/ownerId");
    assertValidation(
        owner.send("PUT", video(id) + "/progress", "{\"position\":-1,\"duration\":100}"),
        "/position");
    assertValidation(
        owner.send("PUT", video(id) + "/progress", "{\"position\":1,\"duration\":0}"), "/duration");
    assertValidation(owner.send("POST", video(id) + "/views", "{}"), "/watchedSeconds");
    assertValidation(owner.get("/api/v1/me/history?limit=51"), "/limit");
  }

  @Test
  void deletingAVideoRemovesTheRowItsMediaAndItsOriginal() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = putVideo(owner, "public", 100);
    String media = cloud.physicalName("MediaBucket");
    String raw = cloud.physicalName("RawBucket");
    for (String key :
        List.of(
            "master.m3u8",
            "360p/index.m3u8",
            "360p/seg0.m4s",
            "poster-AAAAAAAAAAAAAAAAAAAAAA.jpg")) {
      cloud
          .s3()
          .putObject(
              r -> r.bucket(media).key("media/" + id + "/" + key), RequestBody.fromString("x"));
    }
    cloud
        .s3()
        .putObject(r -> r.bucket(raw).key("raw/" + id + "/source"), RequestBody.fromString("x"));
    String neighbour = putVideo(owner, "public", 100);
    cloud
        .s3()
        .putObject(
            r -> r.bucket(media).key("media/" + neighbour + "/master.m3u8"),
            RequestBody.fromString("x"));

    Visitor.Reply reply = owner.send("DELETE", video(id), null);

    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(204);
    assertNotFound(owner.get(video(id)));
    assertThat(
            cloud.s3().listObjectsV2(r -> r.bucket(media).prefix("media/" + id + "/")).contents())
        .isEmpty();
    assertThat(cloud.s3().listObjectsV2(r -> r.bucket(raw).prefix("raw/" + id + "/")).contents())
        .isEmpty();
    assertThat(
            cloud
                .s3()
                .listObjectsV2(r -> r.bucket(media).prefix("media/" + neighbour + "/"))
                .contents())
        .hasSize(1);
  }

  // ------------------------------------------------------------------------ progress

  @Test
  void progressKeepsTheLastPositionAndOnlyRaisesTheMaxima() {
    Visitor viewer = Visitor.signedUp(cloud);
    String id = putVideo(Visitor.signedUp(cloud), "public", 200);

    progress(viewer, id, 120, 200);
    Visitor.Reply back = progress(viewer, id, 30, 200);

    assertThat(back.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("WatchProgressResponse", back.body())).isEmpty();
    assertThat(back.data().path("lastPosition").asDouble()).isEqualTo(30);
    assertThat(back.data().path("watchedSeconds").asDouble()).isEqualTo(120);
    assertThat(back.data().path("percentage").asDouble()).isEqualTo(60);
    Visitor.Reply beyondTheEnd = progress(viewer, id, 500, 999);
    assertThat(beyondTheEnd.data().path("lastPosition").asDouble())
        .as("clamped to the video's duration")
        .isEqualTo(200);
    assertThat(beyondTheEnd.data().path("percentage").asDouble()).isEqualTo(100);
  }

  @Test
  void racingProgressReportsNeverLowerTheMaxima() throws Exception {
    Visitor viewer = Visitor.signedUp(cloud);
    String id = putVideo(Visitor.signedUp(cloud), "public", 100);
    List<Integer> positions = new ArrayList<>();
    for (int i = 40; i >= 1; i--) {
      positions.add(i);
    }

    parallel(positions.size(), i -> progress(viewer, id, positions.get(i), 100).status());

    Visitor.Reply last = progress(viewer, id, 5, 100);
    assertThat(last.data().path("watchedSeconds").asDouble()).isEqualTo(40);
    assertThat(last.data().path("percentage").asDouble()).isEqualTo(40);
    assertThat(last.data().path("lastPosition").asDouble()).isEqualTo(5);
  }

  @Test
  void progressNeedsASession() {
    String id = putVideo(Visitor.signedUp(cloud), "public", 100);

    Visitor.Reply reply =
        new Visitor(cloud)
            .send("PUT", video(id) + "/progress", "{\"position\":1,\"duration\":100}");

    assertThat(reply.status()).isEqualTo(401);
  }

  // ------------------------------------------------------------------------ views

  @Test
  void aTooShortWatchDoesNotCountAndAnEnoughOneCountsOncePerWindow() {
    String id = putVideo(Visitor.signedUp(cloud), "public", 100);
    Visitor anonymous = new Visitor(cloud);
    anonymous.get(video(id)); // the watch page: sets the viewer cookie

    Visitor.Reply tooShort = view(anonymous, id, 12);
    Visitor.Reply enough = view(anonymous, id, 31);
    Visitor.Reply again = view(anonymous, id, 95);

    assertThat(CONTRACT.validate("ViewResultResponse", tooShort.body())).isEmpty();
    assertThat(tooShort.data().path("counted").asBoolean()).isFalse();
    assertThat(tooShort.data().path("viewCount").asLong()).isEqualTo(7);
    assertThat(enough.data().path("counted").asBoolean()).isTrue();
    assertThat(enough.data().path("viewCount").asLong()).isEqualTo(8);
    assertThat(again.data().path("counted").asBoolean()).as("second view within 30 min").isFalse();
    assertThat(again.data().path("viewCount").asLong()).isEqualTo(8);
    assertThat(new Visitor(cloud).get(video(id)).data().path("viewCount").asLong()).isEqualTo(8);
  }

  @Test
  void halfOfAShortVideoCountsAsAView() {
    String id = putVideo(Visitor.signedUp(cloud), "public", 20);
    Visitor first = new Visitor(cloud);
    Visitor second = new Visitor(cloud);
    first.get(video(id));
    second.get(video(id));

    assertThat(view(first, id, 9).data().path("counted").asBoolean()).isFalse();
    assertThat(view(second, id, 10).data().path("counted").asBoolean()).isTrue();
  }

  @Test
  void aSignedInViewersDeclaredTimeIsCappedByTheProgressTheServerHas() {
    String id = putVideo(Visitor.signedUp(cloud), "public", 100);
    Visitor viewer = Visitor.signedUp(cloud);
    progress(viewer, id, 10, 100);

    Visitor.Reply claimed = view(viewer, id, 60);
    progress(viewer, id, 35, 100);
    Visitor.Reply backedUp = view(viewer, id, 35);

    assertThat(claimed.data().path("counted").asBoolean()).isFalse();
    assertThat(backedUp.data().path("counted").asBoolean()).isTrue();
    assertThat(viewer.hasCookie("kinora_viewer")).as("signed-in viewers need none").isFalse();
  }

  @Test
  void fiftyConcurrentViewersCountExactlyFifty() throws Exception {
    String id = putVideo(Visitor.signedUp(cloud), "public", 100);
    List<Visitor> viewers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Visitor viewer = new Visitor(cloud);
      viewer.get(video(id));
      viewers.add(viewer);
    }

    List<Boolean> counted =
        parallel(50, i -> view(viewers.get(i), id, 45).data().path("counted").asBoolean());
    List<Boolean> repeats =
        parallel(50, i -> view(viewers.get(i), id, 45).data().path("counted").asBoolean());

    assertThat(counted).containsOnly(true);
    assertThat(repeats).containsOnly(false);
    assertThat(new Visitor(cloud).get(video(id)).data().path("viewCount").asLong())
        .isEqualTo(7 + 50);
  }

  // ------------------------------------------------------------------------ history

  @Test
  void historyListsWhatTheViewerWatchedMostRecentFirstWithoutVideosTheyLostAccessTo() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor viewer = Visitor.signedUp(cloud);
    String first = putVideo(owner, "public", 100);
    String second = putVideo(owner, "public", 100);
    String third = putVideo(owner, "unlisted", 100);
    progress(viewer, first, 10, 100);
    progress(viewer, second, 20, 100);
    progress(viewer, third, 30, 100);
    owner.send("PATCH", video(second), "{\"visibility\":\"private\"}");

    Visitor.Reply page1 = viewer.get("/api/v1/me/history?limit=1");
    Visitor.Reply page2 =
        viewer.get(
            "/api/v1/me/history?limit=5&cursor=" + page1.body().at("/meta/nextCursor").asText());

    assertThat(CONTRACT.validate("WatchHistoryResponse", page1.body())).isEmpty();
    assertThat(page1.data().size()).isEqualTo(1);
    assertThat(page1.data().at("/0/video/id").asText()).isEqualTo(third);
    assertThat(page1.data().at("/0/progress/lastPosition").asDouble()).isEqualTo(30);
    List<String> rest = new ArrayList<>();
    page2.data().forEach(entry -> rest.add(entry.at("/video/id").asText()));
    assertThat(rest).containsExactly(first);
    assertThat(page2.body().path("meta").has("nextCursor")).isFalse();
  }

  // ------------------------------------------------------------------------ helpers

  private static String media(String id, String file) {
    return "/media/" + id + "/" + file;
  }

  private void putMedia(String id, String file, String text) {
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("MediaBucket")).key("media/" + id + "/" + file),
            RequestBody.fromString(text));
  }

  private static String video(String id) {
    return "/api/v1/videos/" + id;
  }

  private static Visitor.Reply progress(
      Visitor browser, String id, double position, double duration) {
    return browser.send(
        "PUT",
        video(id) + "/progress",
        Json.write(Map.of("position", position, "duration", duration)));
  }

  private static Visitor.Reply view(Visitor browser, String id, double watchedSeconds) {
    Visitor.Reply reply =
        browser.send(
            "POST", video(id) + "/views", Json.write(Map.of("watchedSeconds", watchedSeconds)));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    return reply;
  }

  private static void assertNotFound(Visitor.Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(404);
    assertThat(reply.code()).isEqualTo("VIDEO_NOT_FOUND");
  }

  private static void assertValidation(Visitor.Reply reply, String path) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    List<String> paths = new ArrayList<>();
    reply
        .body()
        .at("/error/details/issues")
        .forEach(issue -> paths.add(issue.path("path").asText()));
    assertThat(paths).contains(path);
  }

  private interface Task<T> {
    T run(int index) throws Exception;
  }

  private static <T> List<T> parallel(int count, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.run(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A ready video row as transcode leaves it, with 7 views so far. */
  private String putVideo(Visitor owner, String visibility, double durationSeconds) {
    return VideoRows.ready(cloud, owner)
        .tags("woodwork", "lathe")
        .visibility(visibility)
        .durationSeconds(durationSeconds)
        .viewCount(7)
        .put();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
