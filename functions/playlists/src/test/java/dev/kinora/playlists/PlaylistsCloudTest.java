package dev.kinora.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Playlists end to end: the repository's template.yaml in the local cloud, signed-up users through
 * the front door and the session authorizer, videos written into VideosTable the way the pipeline
 * leaves them, real DynamoDB transactions and indexes.
 */
@KinoraCloud
class PlaylistsCloudTest {
  private static final Contract CONTRACT = Contract.load();

  private final LocalCloud cloud;

  PlaylistsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  private String video(Visitor owner) {
    return VideoRows.ready(cloud, owner).put();
  }

  private static String create(Visitor owner, String title, String visibility) {
    Visitor.Reply reply =
        owner.post(
            "/api/v1/playlists",
            "{\"title\":\"" + title + "\",\"visibility\":\"" + visibility + "\"}");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    assertValid("PlaylistResponse", reply.body());
    return reply.data().path("id").asText();
  }

  private static Visitor.Reply add(Visitor user, String playlistId, String videoId) {
    return user.post(
        "/api/v1/playlists/" + playlistId + "/items", "{\"videoId\":\"" + videoId + "\"}");
  }

  private static Visitor.Reply move(Visitor user, String playlistId, String videoId, String after) {
    return user.post(
        "/api/v1/playlists/" + playlistId + "/items/" + videoId + "/move",
        "{\"afterVideoId\":" + (after == null ? "null" : "\"" + after + "\"") + "}");
  }

  /** Every item id the viewer sees, in order, read page by page. */
  private static List<String> itemIds(Visitor viewer, String playlistId, int pageSize) {
    var ids = new ArrayList<String>();
    String cursor = null;
    do {
      Visitor.Reply page =
          viewer.get(
              "/api/v1/playlists/"
                  + playlistId
                  + "/items?limit="
                  + pageSize
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      assertValid("PlaylistItemListResponse", page.body());
      page.data().forEach(item -> ids.add(item.at("/video/id").asText()));
      cursor =
          page.body().at("/meta/nextCursor").isMissingNode()
              ? null
              : page.body().at("/meta/nextCursor").asText();
    } while (cursor != null);
    return ids;
  }

  private static long itemCount(Visitor viewer, String playlistId) {
    Visitor.Reply reply = viewer.get("/api/v1/playlists/" + playlistId);
    assertThat(reply.status()).isEqualTo(200);
    assertValid("PlaylistDetailResponse", reply.body());
    return reply.data().path("itemCount").asLong();
  }

  private static void assertValid(String schema, JsonNode body) {
    assertThat(CONTRACT.validate(schema, body)).as(schema + " " + body).isEmpty();
  }

  private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
      var results = new ArrayList<T>();
      for (Future<T> future : pool.invokeAll(tasks)) {
        results.add(future.get());
      }
      return results;
    }
  }

  @Test
  void ownerCreatesRenamesReadsListsAndDeletesAPlaylist() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Woodturning", "public");
    String video = video(owner);
    assertThat(add(owner, id, video).status()).isEqualTo(201);

    Visitor.Reply renamed =
        owner.patch(
            "/api/v1/playlists/" + id, "{\"title\":\"Lathe work\",\"description\":\"Bowls\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.data().path("title").asText()).isEqualTo("Lathe work");

    Visitor.Reply detail = owner.get("/api/v1/playlists/" + id);
    assertValid("PlaylistDetailResponse", detail.body());
    assertThat(detail.data().path("isOwner").asBoolean()).isTrue();
    assertThat(detail.data().at("/channel/id").asText()).isEqualTo(owner.channelId());
    assertThat(detail.data().path("itemCount").asLong()).isEqualTo(1);

    Visitor.Reply mine = owner.get("/api/v1/me/playlists?videoId=" + video);
    assertValid("PlaylistListResponse", mine.body());
    assertThat(mine.data()).hasSize(2);
    assertThat(mine.data().get(0).path("kind").asText()).isEqualTo("watchLater");
    assertThat(mine.data().get(0).path("containsVideo").asBoolean()).isFalse();
    assertThat(mine.data().get(1).path("id").asText()).isEqualTo(id);
    assertThat(mine.data().get(1).path("containsVideo").asBoolean()).isTrue();

    Visitor.Reply channel =
        new Visitor(cloud).get("/api/v1/channels/" + owner.channelId() + "/playlists");
    assertValid("PlaylistListResponse", channel.body());
    assertThat(channel.data()).extracting(p -> p.path("id").asText()).containsExactly(id);

    String hidden = create(owner, "Drafts", "private");
    for (String handle : List.of(owner.handle(), "@" + owner.handle())) {
      Visitor.Reply byHandle =
          new Visitor(cloud).get("/api/v1/channels/" + handle + "/playlists?limit=10");
      assertValid("PlaylistListResponse", byHandle.body());
      assertThat(byHandle.data())
          .as("the channel page's tab names the channel by handle; never a private playlist")
          .extracting(p -> p.path("id").asText())
          .containsExactly(id)
          .doesNotContain(hidden);
    }
    assertThat(new Visitor(cloud).get("/api/v1/channels/nobody-at-all/playlists").code())
        .isEqualTo("CHANNEL_NOT_FOUND");
    assertThat(new Visitor(cloud).get("/api/v1/channels/" + "x".repeat(300) + "/playlists").code())
        .isEqualTo("CHANNEL_NOT_FOUND");

    owner.patch("/api/v1/playlists/" + id, "{\"visibility\":\"unlisted\"}");
    assertThat(
            new Visitor(cloud).get("/api/v1/channels/" + owner.channelId() + "/playlists").data())
        .isEmpty();
    assertThat(new Visitor(cloud).get("/api/v1/playlists/" + id).status())
        .as("unlisted: readable by link")
        .isEqualTo(200);

    assertThat(owner.send("DELETE", "/api/v1/playlists/" + id, null).status()).isEqualTo(204);
    assertThat(owner.get("/api/v1/playlists/" + id).status()).isEqualTo(404);
    assertThat(owner.get("/api/v1/playlists/" + id + "/items").status()).isEqualTo(404);
  }

  @Test
  void aVideoIsInAPlaylistOnceAndRemovingKeepsTheCountExact() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Once", "private");
    String video = video(owner);

    assertThat(add(owner, id, video).status()).isEqualTo(201);
    Visitor.Reply again = add(owner, id, video);
    assertThat(again.status()).as("adding again is idempotent").isEqualTo(200);
    assertValid("PlaylistItemResponse", again.body());
    assertThat(itemCount(owner, id)).isEqualTo(1);

    assertThat(owner.send("DELETE", "/api/v1/playlists/" + id + "/items/" + video, null).status())
        .isEqualTo(204);
    assertThat(owner.send("DELETE", "/api/v1/playlists/" + id + "/items/" + video, null).status())
        .as("removing again is idempotent")
        .isEqualTo(204);
    assertThat(itemCount(owner, id)).isZero();
    assertThat(itemIds(owner, id, 10)).isEmpty();
  }

  @Test
  void twentyConcurrentAddsGiveTwentyDistinctItemsInOneOrderWithAnExactCount() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Busy", "public");
    List<String> videos = IntStream.range(0, 20).mapToObj(i -> video(owner)).toList();

    List<Integer> statuses =
        allAtOnce(
            videos.stream().<Callable<Integer>>map(v -> () -> add(owner, id, v).status()).toList());

    assertThat(statuses).containsOnly(201);
    assertThat(itemCount(owner, id)).isEqualTo(20);
    List<String> order = itemIds(owner, id, 7);
    assertThat(order)
        .hasSize(20)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(videos);
    assertThat(itemIds(owner, id, 50)).as("the same order however it is paged").isEqualTo(order);
  }

  @Test
  void concurrentMovesNeverLoseOrDuplicateAnItem() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Shuffle", "private");
    List<String> videos = IntStream.range(0, 8).mapToObj(i -> video(owner)).toList();
    for (String video : videos) {
      assertThat(add(owner, id, video).status()).isEqualTo(201);
    }

    var tasks = new ArrayList<Callable<Integer>>();
    for (int i = 0; i < 16; i++) {
      String moved = videos.get(i % videos.size());
      String after = i % 3 == 0 ? null : videos.get((i * 5 + 3) % videos.size());
      tasks.add(() -> move(owner, id, moved, moved.equals(after) ? null : after).status());
    }
    assertThat(allAtOnce(tasks)).containsOnly(200);

    List<String> order = itemIds(owner, id, 3);
    assertThat(order).hasSize(8).containsExactlyInAnyOrderElementsOf(videos);
    assertThat(itemCount(owner, id)).isEqualTo(8);

    // A move after settles where asked.
    assertThat(move(owner, id, order.get(0), order.get(7)).status()).isEqualTo(200);
    List<String> after = itemIds(owner, id, 50);
    assertThat(after.get(7)).isEqualTo(order.get(0));
    assertThat(move(owner, id, order.get(0), null).status()).isEqualTo(200);
    assertThat(itemIds(owner, id, 50)).isEqualTo(order);
  }

  @Test
  void sixHundredMovesIntoOneGapOfAPlaylistLongerThanATransactionAllLandWhereAsked() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Reordered", "public");
    List<String> videos = IntStream.range(0, 120).mapToObj(i -> video(owner)).toList();
    for (String video : videos) {
      assertThat(add(owner, id, video).status()).isEqualTo(201);
    }
    // Each move puts the next of four items right after the 60th: always the same gap, which
    // position keys alone run out of after some 380 moves.
    String anchor = videos.get(60);
    List<String> movers = videos.subList(61, 65);
    var expected = new ArrayList<>(videos);
    // 600: past the first renumbering (at ~360 moves) and well into the next run of keys.
    for (int i = 0; i < 600; i++) {
      String moved = movers.get(i % movers.size());
      Visitor.Reply reply = move(owner, id, moved, anchor);
      assertThat(reply.status()).as("move " + i + ": " + reply.body()).isEqualTo(200);
      expected.remove(moved);
      expected.add(expected.indexOf(anchor) + 1, moved);
    }

    assertThat(itemIds(owner, id, 50)).isEqualTo(expected);
    assertThat(itemCount(owner, id)).isEqualTo(120);
    // The renumbered run still takes ordinary moves and appends around it.
    assertThat(move(owner, id, videos.get(0), anchor).status()).isEqualTo(200);
    expected.remove(videos.get(0));
    expected.add(expected.indexOf(anchor) + 1, videos.get(0));
    String last = video(owner);
    assertThat(add(owner, id, last).status()).isEqualTo(201);
    expected.add(last);
    assertThat(itemIds(owner, id, 37)).isEqualTo(expected);
  }

  @Test
  void aStrangerCannotChangeSomeoneElsesPlaylist() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String id = create(owner, "Mine", "public");
    String video = video(owner);
    add(owner, id, video);

    assertThat(stranger.patch("/api/v1/playlists/" + id, "{\"title\":\"Ours\"}").code())
        .isEqualTo("FORBIDDEN");
    assertThat(stranger.send("DELETE", "/api/v1/playlists/" + id, null).code())
        .isEqualTo("FORBIDDEN");
    assertThat(add(stranger, id, video(stranger)).code()).isEqualTo("FORBIDDEN");
    assertThat(stranger.send("DELETE", "/api/v1/playlists/" + id + "/items/" + video, null).code())
        .isEqualTo("FORBIDDEN");
    assertThat(move(stranger, id, video, null).code()).isEqualTo("FORBIDDEN");
    assertThat(itemIds(owner, id, 10)).containsExactly(video);
    assertThat(
            new Visitor(cloud)
                .post("/api/v1/playlists", "{\"title\":\"x\",\"visibility\":\"public\"}")
                .status())
        .isEqualTo(401);
  }

  @Test
  void aPrivatePlaylistIsNotFoundForEveryoneButItsOwner() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String id = create(owner, "Secret", "private");

    assertThat(stranger.get("/api/v1/playlists/" + id).code()).isEqualTo("NOT_FOUND");
    assertThat(new Visitor(cloud).get("/api/v1/playlists/" + id + "/items").code())
        .isEqualTo("NOT_FOUND");
    assertThat(stranger.patch("/api/v1/playlists/" + id, "{\"title\":\"x\"}").code())
        .isEqualTo("NOT_FOUND");
    assertThat(owner.get("/api/v1/playlists/" + id).status()).isEqualTo(200);
  }

  @Test
  void aPrivateVideoInAPublicPlaylistShowsOnlyToItsOwner() {
    Visitor curator = Visitor.signedUp(cloud);
    Visitor creator = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String open = video(creator);
    String later = video(creator);
    String unfinished = VideoRows.ready(cloud, curator).status("processing").put();
    String id = create(curator, "Mixed", "public");
    add(curator, id, open);
    add(curator, id, later);
    assertThat(add(curator, id, unfinished).status()).isEqualTo(201);
    // The creator makes one of them private after it was added.
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(later)))
                    .updateExpression("SET visibility = :private")
                    .expressionAttributeValues(
                        Map.of(":private", AttributeValue.fromS("private"))));

    assertThat(itemIds(stranger, id, 10)).containsExactly(open);
    assertThat(itemIds(new Visitor(cloud), id, 10)).containsExactly(open);
    assertThat(itemIds(creator, id, 10)).as("the video's owner").containsExactly(open, later);
    assertThat(itemIds(curator, id, 10))
        .as("the playlist's owner")
        .containsExactly(open, unfinished);
    assertThat(itemCount(stranger, id)).as("what the stranger sees").isEqualTo(1);
    assertThat(itemCount(creator, id)).as("the video's owner counts theirs").isEqualTo(2);
    assertThat(itemCount(curator, id)).as("the playlist's owner counts every item").isEqualTo(3);
    assertThat(add(curator, id, VideoRows.ready(cloud, creator).visibility("private").put()).code())
        .as("nobody adds a video they cannot see")
        .isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void othersCountOnlyTheItemsTheySeeWhileTheOwnerCountsEveryItem() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String id = create(owner, "Half hidden", "public");
    List<String> shown = List.of(video(owner), video(owner));
    List<String> hidden =
        List.of(
            VideoRows.ready(cloud, owner).visibility("private").put(),
            VideoRows.ready(cloud, owner).status("processing").put());
    for (String video : List.of(shown.get(0), hidden.get(0), hidden.get(1), shown.get(1))) {
      assertThat(add(owner, id, video).status()).isEqualTo(201);
    }
    // Blocked by moderation after it was added (the owner could not add a blocked video).
    String blockedLater = video(owner);
    assertThat(add(owner, id, blockedLater).status()).isEqualTo(201);
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(blockedLater)))
                    .updateExpression("SET #status = :blocked")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(
                        Map.of(":blocked", AttributeValue.fromS("blocked"))));

    for (Visitor other : List.of(stranger, new Visitor(cloud))) {
      assertThat(itemIds(other, id, 50)).containsExactlyElementsOf(shown);
      assertThat(itemCount(other, id)).as("the detail counts what they see").isEqualTo(2);
      Visitor.Reply channel = other.get("/api/v1/channels/" + owner.channelId() + "/playlists");
      assertValid("PlaylistListResponse", channel.body());
      assertThat(channel.data().get(0).path("itemCount").asLong())
          .as("the channel's list counts what they see")
          .isEqualTo(2);
    }

    assertThat(itemCount(owner, id)).as("the owner counts every item").isEqualTo(5);
    Visitor.Reply mine = owner.get("/api/v1/me/playlists");
    assertThat(mine.data().get(1).path("itemCount").asLong()).isEqualTo(5);
    Visitor.Reply panel = owner.get("/api/v1/me/playlists?videoId=" + shown.get(0));
    assertThat(panel.data().get(1).path("itemCount").asLong())
        .as("the save panel counts every item")
        .isEqualTo(5);
  }

  @Test
  void watchLaterExistsByDefaultAndCannotBeRenamedOrDeleted() throws Exception {
    Visitor user = Visitor.signedUp(cloud);
    Visitor.Reply watchLater = user.get("/api/v1/me/watch-later");
    assertValid("PlaylistResponse", watchLater.body());
    assertThat(watchLater.data().path("kind").asText()).isEqualTo("watchLater");
    assertThat(watchLater.data().path("visibility").asText()).isEqualTo("private");
    String id = watchLater.data().path("id").asText();
    assertThat(user.get("/api/v1/me/playlists").data().get(0).path("id").asText()).isEqualTo(id);

    assertThat(user.send("DELETE", "/api/v1/playlists/" + id, null).code()).isEqualTo("FORBIDDEN");
    assertThat(user.patch("/api/v1/playlists/" + id, "{\"title\":\"Never\"}").code())
        .isEqualTo("FORBIDDEN");
    List<String> videos = IntStream.range(0, 4).mapToObj(i -> video(user)).toList();
    List<Integer> firstUses =
        allAtOnce(
            videos.stream()
                .<Callable<Integer>>map(videoId -> () -> add(user, id, videoId).status())
                .toList());
    assertThat(firstUses).as("4 simultaneous first uses store one Watch later").containsOnly(201);
    assertThat(itemCount(user, id)).isEqualTo(4);
    assertThat(user.get("/api/v1/me/watch-later").data().path("id").asText()).isEqualTo(id);
    assertThat(Visitor.signedUp(cloud).get("/api/v1/playlists/" + id).code())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void badInputIsAValidationErrorNeverAServerError() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = create(owner, "Strict", "public");
    assertThat(owner.post("/api/v1/playlists", "{\"title\":\"\",\"visibility\":\"public\"}").code())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(
            owner
                .post(
                    "/api/v1/playlists",
                    "{\"title\":\"" + "t".repeat(151) + "\",\"visibility\":\"public\"}")
                .code())
        .isEqualTo("VALIDATION_ERROR");
    // minProperties is not in the generated zod schemas (as for VideoUpdateRequest): the server
    // says so.
    assertThat(owner.patch("/api/v1/playlists/" + id, "{}").code()).isEqualTo("VALIDATION_ERROR");
    assertThat(owner.get("/api/v1/playlists/" + id + "/items?cursor=%2F%2F").code())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(owner.get("/api/v1/me/playlists?cursor=garbage").code())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(owner.get("/api/v1/playlists/" + "x".repeat(300)).code()).isEqualTo("NOT_FOUND");
    assertThat(move(owner, id, VideoRows.newVideoId(), null).code()).isEqualTo("NOT_FOUND");
    String video = video(owner);
    add(owner, id, video);
    assertThat(
            move(owner, id, video, VideoRows.newVideoId())
                .body()
                .at("/error/details/issues/0/path")
                .asText())
        .isEqualTo("/afterVideoId");
  }
}
